package dev.sleet.studio;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** Without Chromium the browser tests skip and say why; where the browser is required they fail instead. */
class BrowserSupportTest {
    private static final Path NOWHERE = Path.of("/nonexistent/chromium");

    @Test
    void aMissingBrowserSkipsWithTheReason() {
        assertThatThrownBy(() -> BrowserSupport.requireChromium(NOWHERE, NOWHERE, false))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("no Chromium at /nonexistent/chromium")
                .hasMessageContaining("chromium-driver");
    }

    @Test
    void whereTheBrowserIsRequiredAMissingOneFails() {
        assertThatThrownBy(() -> BrowserSupport.requireChromium(NOWHERE, NOWHERE, true))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("must run here")
                .hasMessageContaining("no Chromium at");
    }

    @Test
    void aMissingDriverIsNamedToo() {
        Path shell = Path.of("/bin/sh");
        assertThatThrownBy(() -> BrowserSupport.requireChromium(shell, NOWHERE, true)).hasMessageContaining("no chromedriver at");
        assertThatCode(() -> BrowserSupport.requireChromium(shell, shell, true)).doesNotThrowAnyException();
    }
}
