package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The web session cookie is never sent on cross-site requests (SameSite=Lax), nor readable by
 * scripts, and is Secure when the request is https; browsers are told to stay on https (HSTS). The
 * test profile takes https from X-Forwarded-Proto, as behind a TLS-terminating proxy.
 */
@IntegrationTest
class SessionCookieIT {

    @LocalServerPort
    int port;

    private static String sessionCookie(WebSession.Page page) {
        List<String> cookies = page.headers("Set-Cookie");
        return cookies.stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + cookies));
    }

    @Test
    void overHttpTheCookieIsLaxAndHttpOnlyAndNoHstsIsSent() {
        WebSession.Page login = new WebSession(port, Api.someAddress()).get("/login");

        String cookie = sessionCookie(login);
        assertThat(cookie).containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly");
        assertThat(cookie).doesNotContainIgnoringCase("Secure");
        assertThat(login.headers("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void overHttpsTheCookieIsSecureAndHstsIsSent() {
        WebSession.Page login =
                new WebSession(port, Api.someAddress()).get("/login", Map.of("X-Forwarded-Proto", "https"));

        String cookie = sessionCookie(login);
        assertThat(cookie).containsIgnoringCase("SameSite=Lax").containsIgnoringCase("Secure");
        assertThat(login.headers("Strict-Transport-Security"))
                .singleElement()
                .asString()
                .contains("max-age=31536000")
                .contains("includeSubDomains");
    }
}
