package org.casework.web.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Runs the offline app's test modules (src/test/resources/pwa) in the browser on the app's origin:
 * the module's source goes in as a Blob URL and is imported there, and it imports the app's own
 * modules from /m/js/. Blob scripts are outside the app's CSP ('self'), which only this test page
 * bypasses (DevTools Page.setBypassCSP); the app under test is served unchanged.
 */
final class PwaModules {

    private PwaModules() {}

    /** Opens a page of the app's origin where the modules can run, with IndexedDB and WebCrypto. */
    static void openOrigin(Browser browser) {
        browser.driver().executeCdpCommand("Page.setBypassCSP", Map.of("enabled", true));
        browser.driver().manage().timeouts().scriptTimeout(Duration.ofMinutes(4));
        // any page of the origin will do; this one is the engine itself, so it does not depend on the screens
        browser.open("/m/js/device.js");
    }

    /** Imports the test module {@code resource} and awaits {@code exported(argument)}. */
    static Object call(ChromeDriver driver, String resource, String exported, Object argument) {
        String script = """
                const [source, exported, argument, done] = arguments;
                const url = URL.createObjectURL(new Blob([source], {type: 'text/javascript'}));
                import(url)
                  .then((m) => m[exported](argument))
                  .then((r) => done({result: r}), (e) => done({error: String((e && e.stack) || e)}));
                """;
        @SuppressWarnings("unchecked")
        Map<String, Object> answer =
                (Map<String, Object>) driver.executeAsyncScript(script, source(resource), exported, argument);
        if (answer.get("error") != null) {
            throw new AssertionError(resource + " " + exported + "() failed in the browser: " + answer.get("error"));
        }
        return answer.get("result");
    }

    static String source(String resource) {
        try (InputStream in = PwaModules.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
