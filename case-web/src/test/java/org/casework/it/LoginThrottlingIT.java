package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.ClientRegistryIT.assertProblem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casework.core.security.Role;
import org.casework.it.Api.Response;
import org.casework.it.fixtures.DemoUsers;
import org.casework.it.fixtures.UserBuilder;
import org.casework.it.fixtures.Villages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Wrong passwords slow logins down instead of locking the account (five requests used to lock any
 * account, the administrator's included): per username and per client address, with waits that grow
 * and end by themselves; administrators can lift a throttle at once; the user is told. The server's
 * clock is moved forward instead of waiting.
 */
class LoginThrottlingIT extends ApiTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private UserBuilder anAdministrator() {
        return UserBuilder.aStationWorker().withRole(Role.ADMINISTRATOR).in(Villages.COUNTY);
    }

    private static long retryAfter(Response r) {
        assertProblem(r, 429, "auth.throttled");
        long seconds = Long.parseLong(r.header("Retry-After"));
        assertThat(r.body().get("retryAfter").asLong()).isEqualTo(seconds);
        return seconds;
    }

    @Test
    void fiveWrongPasswordsThrottleEvenAnAdministratorOnlyForAWhile() {
        UserBuilder admin = anAdministrator();
        registry.createUser(admin);
        Api attacker = api.from(Api.someAddress());
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertProblem(attacker.login(admin.username(), "Guess-Number-" + attempt), 401, "auth.badCredentials");
        }

        Response throttled = attacker.login(admin.username(), "Guess-Number-6");
        long wait = retryAfter(throttled);
        Response rightButThrottled = api.from(Api.someAddress()).login(admin.username(), admin.password());
        Response english = api.from(Api.someAddress())
                .postRaw(
                        "/api/v1/auth/token",
                        Api.json(Map.of("username", admin.username(), "password", admin.password())),
                        null,
                        "en");

        assertThat(wait).isBetween(1L, 60L);
        assertThat(throttled.body().get("detail").asString()).contains("秒后再试");
        assertThat(retryAfter(rightButThrottled))
                .as("the password is not even checked")
                .isLessThanOrEqualTo(wait);
        assertThat(english.status()).isEqualTo(429);
        assertThat(english.body().get("detail").asString()).startsWith("Too many wrong passwords. Try again in");
        assertThat(rightButThrottled.body().has("token")).isFalse();

        clock.advance(Duration.ofSeconds(wait));

        Response realUser = api.from(Api.someAddress()).login(admin.username(), admin.password());
        assertThat(realUser.status()).as(realUser.raw().body()).isEqualTo(200);
    }

    @Test
    void theWaitsGrowWithTheFailuresButStayBounded() {
        UserBuilder worker = UserBuilder.aStationWorker();
        registry.createUser(worker);
        List<Long> waits = new ArrayList<>();
        int failures = 0;
        while (failures < 30) {
            // each guess from a new address: only the username's own throttle is at work
            Response r = api.from(Api.someAddress()).login(worker.username(), "Guess-Number-" + failures);
            if (r.status() == 429) {
                long wait = retryAfter(r);
                waits.add(wait);
                clock.advance(Duration.ofSeconds(wait));
            } else {
                assertProblem(r, 401, "auth.badCredentials");
                failures++;
            }
        }

        System.out.println("waits before the next guess after 5..30 wrong passwords (s): " + waits);
        assertThat(waits).isNotEmpty();
        assertThat(waits.get(waits.size() - 1)).isGreaterThan(waits.get(0) * 5);
        assertThat(waits).allMatch(w -> w <= Duration.ofHours(1).toSeconds() / 20 + 1);
        Response right = api.from(Api.someAddress()).login(worker.username(), worker.password());
        long last = retryAfter(right);
        clock.advance(Duration.ofSeconds(last));
        assertThat(api.from(Api.someAddress())
                        .login(worker.username(), worker.password())
                        .status())
                .as("never a lock: the real user gets in when the wait is over")
                .isEqualTo(200);
    }

    @Test
    void anUnknownUsernameIsThrottledExactlyLikeARealOne() {
        UserBuilder worker = UserBuilder.aStationWorker();
        registry.createUser(worker);
        Api client = api.from(Api.someAddress());
        Api other = api.from(Api.someAddress());
        String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8);

        for (int attempt = 1; attempt <= 6; attempt++) {
            Response real = client.login(worker.username(), "Guess-Number-" + attempt);
            Response none = other.login(unknown, "Guess-Number-" + attempt);
            assertThat(none.status()).as("attempt %d", attempt).isEqualTo(real.status());
            assertThat(none.body().get("code").asString())
                    .isEqualTo(real.body().get("code").asString());
            assertThat(none.header("Retry-After")).isEqualTo(real.header("Retry-After"));
        }
    }

    @Test
    void oneAddressCannotGuessAcrossManyUsernamesButOthersLogInAsUsual() {
        UserBuilder worker = UserBuilder.aStationWorker();
        registry.createUser(worker);
        Api sprayer = api.from(Api.someAddress());
        for (int i = 0; i < 20; i++) {
            Response r = sprayer.login("sprayed-" + UUID.randomUUID().toString().substring(0, 8), "Common-Guess-1");
            assertProblem(r, 401, "auth.badCredentials");
        }

        retryAfter(sprayer.login(worker.username(), worker.password()));
        assertThat(api.from(Api.someAddress())
                        .login(worker.username(), worker.password())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void anAdministratorLiftsAThrottleAtOnce() {
        UserBuilder worker = UserBuilder.aStationWorker();
        UUID id = registry.createUser(worker);
        Api attacker = api.from(Api.someAddress());
        for (int attempt = 1; attempt <= 6; attempt++) {
            attacker.login(worker.username(), "Guess-Number-" + attempt);
        }
        JsonNode before = api.get("/api/v1/users/" + id, token(DemoUsers.ADMIN)).body();
        assertThat(before.get("failedLogins").asInt()).isEqualTo(5);
        assertThat(before.get("throttledForSeconds").asLong()).isPositive();
        retryAfter(api.from(Api.someAddress()).login(worker.username(), worker.password()));

        Response unlocked = api.post("/api/v1/users/" + id + "/unlock", Map.of(), token(DemoUsers.ADMIN));

        assertThat(unlocked.status()).as(unlocked.raw().body()).isEqualTo(200);
        assertThat(unlocked.body().get("failedLogins").asInt()).isZero();
        assertThat(unlocked.body().get("throttledForSeconds").isNull()).isTrue();
        assertThat(api.from(Api.someAddress())
                        .login(worker.username(), worker.password())
                        .status())
                .isEqualTo(200);
        assertProblem(
                api.post("/api/v1/users/" + id + "/unlock", Map.of(), token(DemoUsers.COUNTY_SUPERVISOR)),
                403,
                "error.forbidden");
    }

    @Test
    void theUserIsToldOnceOfRepeatedWrongPasswordsAndKeepsWorkingMeanwhile() {
        UserBuilder worker = UserBuilder.aStationWorker();
        registry.createUser(worker);
        String token = api.login(worker.username(), worker.password())
                .body()
                .get("token")
                .asString();
        Api attacker = api.from(Api.someAddress());
        int failures = 0;
        while (failures < 8) {
            Response r = attacker.login(worker.username(), "Guess-Number-" + failures);
            if (r.status() == 429) {
                clock.advance(Duration.ofSeconds(retryAfter(r)));
            } else {
                failures++;
            }
        }

        Response inbox = api.get("/api/v1/notifications", token);

        assertThat(inbox.status())
                .as("a throttle never ends a session or token")
                .isEqualTo(200);
        List<JsonNode> told = list(inbox.body().get("items")).stream()
                .filter(n -> n.get("kind").asString().equals("LOGIN_FAILURES"))
                .toList();
        assertThat(told).hasSize(1);
        assertThat(told.get(0).get("text").asString()).contains("5");
        assertThat(told.get(0).get("link").asString()).isEqualTo("/api/v1/auth/password");
    }

    @Test
    void aDisabledUsersWebSessionEndsAtItsNextPage() {
        UserBuilder worker = UserBuilder.aStationWorker();
        UUID id = registry.createUser(worker);
        WebSession browser = new WebSession(port, Api.someAddress());
        assertThat(browser.login(worker.username(), worker.password()).location())
                .doesNotContain("error");
        assertThat(browser.get("/").status()).isEqualTo(200);

        api.post("/api/v1/users/" + id + "/disable", Map.of(), token(DemoUsers.ADMIN));

        WebSession.Page after = browser.get("/");
        assertThat(after.status()).isEqualTo(302);
        assertThat(after.location()).endsWith("/login?error=disabled");
        assertThat(browser.get("/clients").location()).contains("/login");
    }
}
