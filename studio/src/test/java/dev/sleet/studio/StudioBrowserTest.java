package dev.sleet.studio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The studio in a real Chromium: one studio and one browser for the class, each test on its own
 * part of the sample data. Screenshots go to target/studio-screenshots (and docs/images with
 * -Dsleet.updateScreenshots=true).
 */
@ExtendWith(PostgresExtension.class)
class StudioBrowserTest {
    private static Studio studio;
    private static ChromeDriver browser;
    private static Path profile;
    private static TestDatabase db;
    private static WebDriverWait wait;

    @BeforeAll
    static void start(TestDatabase database) throws Exception {
        BrowserSupport.requireChromium();
        db = database;
        SampleSchema.migrateAndSeed(database);
        studio = Studio.builder(database.dataSource()).migrator(SampleSchema.migrator(database))
                .migrationsFolder(SampleSchema.MIGRATIONS).databaseLabel("sample@127.0.0.1/" + database.name()).build().start();
        profile = Files.createTempDirectory("sleet-studio-chromium");
        browser = BrowserSupport.start(profile);
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (studio != null) {
            studio.close();
        }
        BrowserSupport.deleteTree(profile);
    }

    private static void open(String hash) {
        browser.get(studio.url() + hash);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#sidebar a[data-table]")));
    }

    private static WebElement visible(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    private static void setValue(WebElement input, String value) {
        ((JavascriptExecutor) browser).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input')); arguments[0].dispatchEvent(new Event('change'));",
                input, value);
    }

    @Test
    void openATableFilterByAnEnumAndEditARow() throws Exception {
        open("#/");
        BrowserSupport.screenshot(browser, "studio-tables.png");
        browser.findElement(By.cssSelector("#sidebar a[data-table='public.events']")).click();
        visible("#rows");
        visible("#filter-add").click();
        new Select(visible(".filter-column")).selectByValue("status");
        new Select(visible(".filter-op")).selectByValue("eq");
        new Select(visible("select.filter-value")).selectByValue("planning");
        visible("#filter-apply").click();
        wait.until(d -> d.findElements(By.cssSelector("#rows tbody tr")).size() == 2);
        List<String> statuses = browser.findElements(By.cssSelector("#rows tbody td[data-column='status']")).stream().map(WebElement::getText).toList();
        assertThat(statuses).containsOnly("planning");
        BrowserSupport.screenshot(browser, "studio-table.png");

        WebElement gala = browser.findElements(By.cssSelector("#rows tbody tr")).stream()
                .filter(r -> r.getText().contains("Winter gala")).findFirst().orElseThrow();
        gala.click();
        assertThat(new Select(visible("#editor select[name='is_archived']")).getFirstSelectedOption().getText())
                .as("PostgreSQL's 'f' shows as false").isEqualTo("false");
        WebElement guests = visible("#editor [data-field='guest_count'] input[name='guest_count']");
        guests.clear();
        guests.sendKeys("150");
        new Select(visible("#editor select[name='status']")).selectByValue("preparation");
        // The foreign key's picker: search the clients by name, pick one.
        visible("#editor [data-field='client_id'] button.pick").click();
        visible("#editor .picker-search").sendKeys("grace");
        wait.until(d -> d.findElements(By.cssSelector("#editor .picker div[data-id]")).size() == 1);
        visible("#editor .picker div[data-id='2']").click();
        assertThat(visible("#editor input[name='client_id']").getAttribute("value")).isEqualTo("2");
        BrowserSupport.screenshot(browser, "studio-edit.png");
        visible("#row-save").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#editor .banner.ok"), "Row saved."));
        assertThat(db.scalar("SELECT guest_count FROM events WHERE name = 'Winter gala'")).isEqualTo(150);
        assertThat(db.scalar("SELECT client_id FROM events WHERE name = 'Winter gala'")).isEqualTo(2);
        assertThat(db.scalar("SELECT count(*) FROM events WHERE name = 'Winter gala' AND status = 'preparation'")).isEqualTo(1);
        // The status trigger logged the change: the edit ran as a real UPDATE.
        assertThat(db.scalar("SELECT count(*) FROM event_status_log WHERE to_status = 'preparation'")).isEqualTo(2);
        // The filtered view reloads: the gala is no longer 'planning'.
        wait.until(d -> d.findElements(By.cssSelector("#rows tbody tr")).size() == 1);
    }

    @Test
    void aUniqueViolationIsExplainedNextToTheField() throws Exception {
        open("#/table/public.clients");
        WebElement alan = wait.until(d -> d.findElements(By.cssSelector("#rows tbody tr")).stream()
                .filter(r -> r.getText().contains("Alan Turing")).findFirst().orElse(null));
        alan.click();
        WebElement email = visible("#editor input[name='email']");
        email.clear();
        email.sendKeys("ada@example.org");
        visible("#row-save").click();
        WebElement error = visible("#editor .constraint-error");
        assertThat(error.getAttribute("data-kind")).isEqualTo("unique");
        assertThat(error.getText()).contains("Another row already has this email.").contains("clients_email_key");
        WebElement field = browser.findElement(By.cssSelector("#editor [data-field='email']"));
        assertThat(field.getAttribute("class")).contains("has-problem");
        assertThat(field.findElement(By.cssSelector(".problem")).getText()).contains("Another row already has this email");
        BrowserSupport.screenshot(browser, "studio-unique.png");
        assertThat(db.scalar("SELECT count(*) FROM clients WHERE email = 'alan@example.org'")).isEqualTo(1);
    }

    @Test
    void bookOnTheTimelineAndSeeTheConflict() throws Exception {
        open("#/timeline/public.resource_schedule?week=" + SampleSchema.WEEK);
        visible("#timeline .tl-bar");
        assertThat(visible("#week-label").getText()).isEqualTo("Week of 2027-01-04");
        new Select(visible("#book-lane")).selectByVisibleText("Chef Marco");
        setValue(visible("#book-start"), "2027-01-06T14:00");
        setValue(visible("#book-end"), "2027-01-06T17:00");
        visible("#book").click();
        visible(".tl-bar.new");
        assertThat(db.scalar("SELECT count(*) FROM resource_schedule WHERE resource_id = 1 AND start_time = '2027-01-06 14:00+00'")).isEqualTo(1);

        setValue(visible("#book-start"), "2027-01-06T16:00");
        setValue(visible("#book-end"), "2027-01-06T19:00");
        visible("#book").click();
        WebElement refused = visible("#book-refused");
        assertThat(refused.getText()).contains("overlaps 1 booking").contains("resource_schedule_no_overlap");
        assertThat(browser.findElements(By.cssSelector("#book-conflicts tbody tr"))).hasSize(1);
        visible(".tl-bar.clash");
        BrowserSupport.screenshot(browser, "studio-timeline-week.png");
        // Zoomed in on the day of the conflict, the bar in the way is still marked.
        visible("#zoom").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("week-label"), "Day 2027-01-04"));
        visible("#week-next").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("week-label"), "Day 2027-01-05"));
        visible("#week-next").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("week-label"), "Day 2027-01-06"));
        assertThat(visible(".tl-bar.clash").getText()).isEqualTo("14:00–17:00");
        WebElement ghost = visible(".tl-ghost");
        assertThat(ghost.getText()).isEqualTo("refused");
        assertThat(ghost.getAttribute("title")).isEqualTo("refused: 2027-01-06T16:00:00Z → 2027-01-06T19:00:00Z");
        BrowserSupport.screenshot(browser, "studio-timeline.png");
        assertThat(db.scalar("SELECT count(*) FROM resource_schedule WHERE resource_id = 1 AND start_time = '2027-01-06 16:00+00'")).isZero();
    }

    @Test
    void aReadOnlyQueryRunsAndAWriteIsRefused() throws Exception {
        open("#/sql");
        WebElement sql = visible("#sql");
        setValue(sql, "SELECT name, status, event_date FROM events ORDER BY event_date");
        visible("#sql-run").click();
        wait.until(d -> d.findElements(By.cssSelector("#sql-rows tbody tr")).size() == 5);
        assertThat(visible("#sql-write").isEnabled()).as("no --allow-writes: the box cannot be ticked").isFalse();

        long events = db.scalar("SELECT count(*) FROM events");
        setValue(sql, "DELETE FROM events WHERE status = 'completed'");
        visible("#sql-run").click();
        WebElement error = visible("#sql-error");
        assertThat(error.getText()).contains("read-only").contains("--allow-writes");
        BrowserSupport.screenshot(browser, "studio-sql.png");
        assertThat(db.scalar("SELECT count(*) FROM events")).isEqualTo(events);
    }

    @Test
    void theErdAndTheMigrationsScreenRender() throws Exception {
        open("#/erd");
        WebElement svg = visible("#erd svg");
        assertThat(svg.findElements(By.cssSelector("g.table"))).hasSizeGreaterThanOrEqualTo(12);
        BrowserSupport.screenshot(browser, "studio-erd.png");
        open("#/migrations");
        wait.until(d -> d.findElements(By.cssSelector("#migrations tbody tr")).size() == 3);
        assertThat(browser.findElement(By.cssSelector("#migrations")).getText()).contains("applied");
        BrowserSupport.screenshot(browser, "studio-migrations.png");
    }
}
