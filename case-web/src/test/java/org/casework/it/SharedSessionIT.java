package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A user logged in through one instance stays logged in on the other (Spring Session JDBC): the load
 * balancer may send each request anywhere. Logging out on one ends the session on both.
 */
@StartsItsOwnServer
class SharedSessionIT {

    private static TwoInstances instances;
    private static final HttpClient HTTP =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() {
        instances = TwoInstances.start();
    }

    @AfterAll
    static void stop() {
        if (instances != null) {
            instances.close();
        }
    }

    @Test
    void theSessionCookieOfOneInstanceWorksOnTheOther() throws Exception {
        int first = TwoInstances.port(instances.first());
        int second = TwoInstances.port(instances.second());
        WebSession browser = new WebSession(first, Api.someAddress());
        WebSession.Page login = browser.login("station-guyang", Api.PASSWORD);
        assertThat(login.location()).doesNotContain("error");
        String cookie = sessionCookie(login);

        HttpResponse<String> worklistOnSecond = get(second, "/worklist", cookie);
        assertThat(worklistOnSecond.statusCode()).isEqualTo(200);
        assertThat(worklistOnSecond.body()).as("the page of a logged-in user").contains("who-name");

        assertThat(get(second, "/worklist", null).statusCode())
                .as("without the cookie the second instance asks for a login")
                .isEqualTo(302);
    }

    @Test
    void loggingOutOnOneInstanceEndsTheSessionOnBoth() throws Exception {
        int first = TwoInstances.port(instances.first());
        int second = TwoInstances.port(instances.second());
        WebSession browser = new WebSession(first, Api.someAddress());
        String cookie = sessionCookie(browser.login("station-guyang", Api.PASSWORD));
        assertThat(get(second, "/worklist", cookie).statusCode()).isEqualTo(200);

        WebSession.Page logout = browser.submit("/worklist", "/logout", java.util.Map.of());
        assertThat(logout.location()).contains("/login?logout");

        HttpResponse<String> afterLogout = get(second, "/worklist", cookie);
        assertThat(afterLogout.statusCode()).isEqualTo(302);
        assertThat(afterLogout.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains("/login"));
    }

    /** The name=value part of the session cookie the login set. */
    private static String sessionCookie(WebSession.Page page) {
        return page.headers("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + page.headers("Set-Cookie")));
    }

    private static HttpResponse<String> get(int port, String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
