package dev.sleet.studio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Chromium for the browser tests: Debian's {@code chromium} and {@code chromium-driver} packages
 * ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}; {@code -Dsleet.chromium} and
 * {@code -Dsleet.chromedriver} point elsewhere). Without them the tests are skipped with the reason,
 * except in CI (the {@code CI} environment variable) or with {@code -Dsleet.requireBrowser=true},
 * where a missing browser fails the build: the browser tests must run there.
 */
final class BrowserSupport {
    static final Path CHROMIUM = Path.of(System.getProperty("sleet.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("sleet.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "studio-screenshots");
    /** Where the README's images live; written only with -Dsleet.updateScreenshots=true. */
    static final Path DOC_IMAGES = Path.of("..", "docs", "images");
    /** The screenshots README.md shows; the others stay in target/. */
    static final java.util.Set<String> DOCUMENTED = java.util.Set.of("studio-table.png", "studio-edit.png", "studio-unique.png",
            "studio-timeline.png", "studio-erd.png", "studio-migrations.png", "studio-sql.png");

    private BrowserSupport() {
    }

    static boolean required() {
        String ci = System.getenv("CI");
        return (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false")) || Boolean.getBoolean("sleet.requireBrowser");
    }

    /** Skips the test class (or fails it, where the browser is required) when Chromium or its driver is missing. */
    static void requireChromium() {
        requireChromium(CHROMIUM, CHROMEDRIVER, required());
    }

    static void requireChromium(Path chromium, Path chromedriver, boolean required) {
        String missing = null;
        if (!Files.isExecutable(chromium)) {
            missing = "no Chromium at " + chromium;
        } else if (!Files.isExecutable(chromedriver)) {
            missing = "no chromedriver at " + chromedriver;
        }
        if (missing == null) {
            return;
        }
        String reason = missing + " (install Debian's chromium and chromium-driver packages, or set -Dsleet.chromium / -Dsleet.chromedriver)";
        if (required) {
            throw new AssertionError("the studio's browser tests must run here (CI is set or -Dsleet.requireBrowser=true), but " + reason);
        }
        System.err.println("[studio] browser tests skipped: " + reason);
        Assumptions.abort("browser tests skipped: " + reason);
    }

    static ChromeDriver start(Path profile) {
        // Selenium warns that it has no DevTools bindings for this Chromium version; the tests use none.
        java.util.logging.Logger.getLogger("org.openqa.selenium").setLevel(java.util.logging.Level.SEVERE);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1440,900", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        return driver;
    }

    static void screenshot(ChromeDriver driver, String name) throws IOException {
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name), png);
        if (Boolean.getBoolean("sleet.updateScreenshots") && DOCUMENTED.contains(name) && Files.isDirectory(DOC_IMAGES.getParent())) {
            Files.createDirectories(DOC_IMAGES);
            Files.write(DOC_IMAGES.resolve(name), png);
        }
    }

    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}
