package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.casework.it.Api.Response;
import org.casework.it.fixtures.DemoUsers;
import org.casework.it.fixtures.UserBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Usernames cannot be found out at any login door (API token, web form, device registration): an
 * unknown user, a wrong password and a disabled account with a wrong password get the same status
 * and body, and the unknown user's password is hashed too, so the answer takes as long. (Timing is
 * proven by counting the hash checks, not by a clock; the times are printed for the curious.)
 */
class LoginEnumerationIT extends ApiTest {

    @LocalServerPort
    int port;

    @Autowired
    PasswordEncoder encoder;

    private String unknownUser() {
        return "nobody-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private String uniquePassword() {
        return "Probe-" + UUID.randomUUID();
    }

    @Test
    void theApiAnswersAnUnknownUserAWrongPasswordAndADisabledAccountAlike() {
        UserBuilder worker = UserBuilder.aStationWorker();
        registry.createUser(worker);
        UserBuilder disabled = UserBuilder.aStationWorker();
        UUID disabledId = registry.createUser(disabled);
        api.post("/api/v1/users/" + disabledId + "/disable", Map.of(), token(DemoUsers.ADMIN));
        Api client = api.from(Api.someAddress());

        Response unknown = client.login(unknownUser(), "Whatever-Pass-1");
        Response wrong = client.login(worker.username(), "Whatever-Pass-1");
        Response disabledWrong = client.login(disabled.username(), "Whatever-Pass-1");

        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.raw().body()).isEqualTo(unknown.raw().body());
        assertThat(disabledWrong.raw().body()).isEqualTo(unknown.raw().body());
        assertThat(wrong.status()).isEqualTo(unknown.status());
        assertThat(disabledWrong.status()).isEqualTo(unknown.status());
        assertThat(unknown.body().get("code").asString()).isEqualTo("auth.badCredentials");
    }

    @Test
    void everyDoorHashesTheUnknownUsersPasswordLikeARealOnes() {
        UserBuilder worker = UserBuilder.aVillageChildDirector();
        registry.createUser(worker);
        String address = Api.someAddress();
        Api client = api.from(address);
        WebSession browser = new WebSession(port, address);
        CountingPasswordEncoder counting = (CountingPasswordEncoder) encoder;

        Map<String, Function<String[], Object>> doors = Map.of(
                "api", up -> client.login(up[0], up[1]).status(),
                "web", up -> browser.login(up[0], up[1]).location(),
                "device",
                        up -> client.post(
                                        "/api/sync/v1/devices",
                                        Map.of("username", up[0], "password", up[1], "deviceName", "x"),
                                        null)
                                .raw()
                                .body());
        doors.forEach((door, attempt) -> {
            String forUnknown = uniquePassword();
            String forReal = uniquePassword();

            long start = System.nanoTime();
            Object unknownAnswer = attempt.apply(new String[] {unknownUser(), forUnknown});
            long unknownNanos = System.nanoTime() - start;
            start = System.nanoTime();
            Object realAnswer = attempt.apply(new String[] {worker.username(), forReal});
            long realNanos = System.nanoTime() - start;

            assertThat(realAnswer).as(door).isEqualTo(unknownAnswer);
            assertThat(counting.checksOf(forUnknown))
                    .as(door + ": unknown user's hash checks")
                    .isEqualTo(1);
            assertThat(counting.checksOf(forReal))
                    .as(door + ": real user's hash checks")
                    .isEqualTo(1);
            System.out.printf(
                    "%s door: unknown user %d ms, wrong password %d ms (test bcrypt cost)%n",
                    door, unknownNanos / 1_000_000, realNanos / 1_000_000);
        });
    }

    @Test
    void theWebFormSendsAnUnknownUserAndADisabledAccountToTheSameError() {
        UserBuilder disabled = UserBuilder.aStationWorker();
        UUID id = registry.createUser(disabled);
        api.post("/api/v1/users/" + id + "/disable", Map.of(), token(DemoUsers.ADMIN));
        WebSession browser = new WebSession(port, Api.someAddress());

        String unknown = browser.login(unknownUser(), "Whatever-Pass-1").location();
        String disabledWrong =
                browser.login(disabled.username(), "Whatever-Pass-1").location();
        String disabledRight =
                browser.login(disabled.username(), disabled.password()).location();

        assertThat(unknown).endsWith("/login?error=bad");
        assertThat(disabledWrong).isEqualTo(unknown);
        assertThat(disabledRight)
                .as("only the right password learns of the disabling")
                .endsWith("/login?error=disabled");
    }
}
