package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.ClientRegistryIT.assertProblem;
import static org.casework.it.fixtures.UserBuilder.aStationWorker;
import static org.casework.it.fixtures.UserBuilder.aVillageChildDirector;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casework.core.security.Role;
import org.casework.it.Api.Response;
import org.casework.it.fixtures.DemoUsers;
import org.casework.it.fixtures.UserBuilder;
import org.casework.it.fixtures.Villages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * User administration and the login door: only administrators manage accounts; disabling,
 * password resets and the throttle after wrong passwords act on tokens and logins at once. Every
 * test works on accounts it creates, so demo users are never locked or disabled.
 */
class AccountsIT extends ApiTest {

    @Test
    void anAdministratorCreatesAUserWhoCanThenLogIn() {
        UserBuilder worker = aStationWorker().in(Villages.NANZHANG);

        Response r = api.post("/api/v1/users", worker.build(), token(DemoUsers.ADMIN));

        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        assertThat(r.body().get("username").asString()).isEqualTo(worker.username());
        assertThat(r.body().get("role").asString()).isEqualTo("STATION_WORKER");
        assertThat(r.body().get("jurisdictionCode").asString()).isEqualTo(Villages.NANZHANG);
        assertThat(r.body().get("enabled").asBoolean()).isTrue();
        assertThat(r.raw().body()).doesNotContain(worker.password()).doesNotContain("passwordHash");

        Response login = api.login(worker.username(), worker.password());
        assertThat(login.status()).isEqualTo(200);
        Response clients = api.get("/api/v1/clients", login.body().get("token").asString());
        assertThat(clients.status()).isEqualTo(200);
        assertThat(texts(list(clients.body().get("items")), "residenceRegionCode"))
                .isNotEmpty()
                .allMatch(code -> code.startsWith(Villages.NANZHANG));
    }

    @Test
    void aTakenUsernameIsAConflict() {
        UserBuilder first = aStationWorker();
        registry.createUser(first);

        Response r = api.post(
                "/api/v1/users", aVillageChildDirector().named(first.username()).build(), token(DemoUsers.ADMIN));

        assertProblem(r, 409, "account.username.taken");
        assertThat(r.body().get("detail").asString()).contains(first.username());
    }

    @Test
    void aJurisdictionOfTheWrongLevelForTheRoleIsRefused() {
        UserBuilder stationWorkerInAVillage = aStationWorker().in(Villages.RENZHUANG);
        UserBuilder directorOfATownship = aVillageChildDirector().in(Villages.GUYANG);
        UserBuilder countySupervisorOfATownship =
                aStationWorker().withRole(Role.COUNTY_SUPERVISOR).in(Villages.GUYANG);

        for (UserBuilder wrong : List.of(stationWorkerInAVillage, directorOfATownship, countySupervisorOfATownship)) {
            Response r = api.post("/api/v1/users", wrong.build(), token(DemoUsers.ADMIN));

            assertProblem(r, 400, "account.jurisdiction.wrongLevel");
            assertThat(api.login(wrong.username(), wrong.password()).status()).isEqualTo(401);
        }
    }

    @Test
    void aShortPasswordIsRefused() {
        Response r =
                api.post("/api/v1/users", aStationWorker().withPassword("short").build(), token(DemoUsers.ADMIN));

        assertProblem(r, 400, "account.password.tooShort");
    }

    @ParameterizedTest
    @ValueSource(strings = {DemoUsers.COUNTY_SUPERVISOR, DemoUsers.STATION_GUYANG, DemoUsers.LIAISON})
    void onlyAdministratorsManageUsers(String user) {
        UserBuilder wanted = aStationWorker();
        UUID existing = registry.createUser(aStationWorker());

        List<Response> answers = List.of(
                api.post("/api/v1/users", wanted.build(), token(user)),
                api.get("/api/v1/users", token(user)),
                api.get("/api/v1/users/" + existing, token(user)),
                api.post("/api/v1/users/" + existing + "/disable", Map.of(), token(user)),
                api.post(
                        "/api/v1/users/" + existing + "/reset-password",
                        Map.of("password", "Taken-Over-2026"),
                        token(user)));

        assertThat(answers).allSatisfy(r -> assertProblem(r, 403, "error.forbidden"));
        assertThat(api.login(wanted.username(), wanted.password()).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/users/" + existing, token(DemoUsers.ADMIN))
                        .body()
                        .get("enabled")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void disablingAUserEndsTheirTokensAndLogins() {
        UserBuilder worker = aStationWorker();
        UUID id = registry.createUser(worker);
        String token = api.login(worker.username(), worker.password())
                .body()
                .get("token")
                .asString();
        assertThat(api.get("/api/v1/clients", token).status()).isEqualTo(200);

        Response disabled = api.post("/api/v1/users/" + id + "/disable", Map.of(), token(DemoUsers.ADMIN));

        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.body().get("enabled").asBoolean()).isFalse();
        assertProblem(api.get("/api/v1/clients", token), 401, "error.unauthenticated");
        assertProblem(api.login(worker.username(), worker.password()), 401, "auth.disabled");

        Response enabled = api.post("/api/v1/users/" + id + "/enable", Map.of(), token(DemoUsers.ADMIN));

        assertThat(enabled.body().get("enabled").asBoolean()).isTrue();
        assertThat(api.login(worker.username(), worker.password()).status()).isEqualTo(200);
        // the old token stays revoked
        assertThat(api.get("/api/v1/clients", token).status()).isEqualTo(401);
    }

    @Test
    void anAdministratorCannotDisableThemselves() {
        Response users = api.get("/api/v1/users?size=200", token(DemoUsers.ADMIN));
        String adminId = list(users.body().get("items")).stream()
                .filter(u -> u.get("username").asString().equals(DemoUsers.ADMIN))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asString();

        Response r = api.post("/api/v1/users/" + adminId + "/disable", Map.of(), token(DemoUsers.ADMIN));

        assertProblem(r, 400, "account.disable.self");
        assertThat(api.get("/api/v1/users", token(DemoUsers.ADMIN)).status()).isEqualTo(200);
    }

    @Test
    void aPasswordResetReplacesThePasswordAndEndsOldTokens() {
        UserBuilder worker = aStationWorker();
        UUID id = registry.createUser(worker);
        String oldToken = api.login(worker.username(), worker.password())
                .body()
                .get("token")
                .asString();

        Response reset = api.post(
                "/api/v1/users/" + id + "/reset-password",
                Map.of("password", "New-Password-2026"),
                token(DemoUsers.ADMIN));

        assertThat(reset.status()).as(reset.raw().body()).isEqualTo(200);
        assertProblem(api.login(worker.username(), worker.password()), 401, "auth.badCredentials");
        assertThat(api.login(worker.username(), "New-Password-2026").status()).isEqualTo(200);
        assertProblem(api.get("/api/v1/clients", oldToken), 401, "error.unauthenticated");
    }

    /**
     * The old rule (five wrong passwords lock the account until reset) let anyone lock anyone out;
     * now they throttle it for seconds (LoginThrottlingIT), and a reset still lets the user in at once.
     */
    @Test
    void fiveWrongPasswordsThrottleTheAccountAndAResetLetsTheUserInAtOnce() {
        UserBuilder worker = aStationWorker();
        UUID id = registry.createUser(worker);
        Api client = api.from(Api.someAddress());

        for (int attempt = 1; attempt <= 4; attempt++) {
            assertProblem(client.login(worker.username(), "wrong-password-" + attempt), 401, "auth.badCredentials");
        }
        assertThat(client.login(worker.username(), worker.password()).status())
                .as("four wrong passwords do not throttle, and a right one resets the count")
                .isEqualTo(200);
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertProblem(client.login(worker.username(), "wrong-password-" + attempt), 401, "auth.badCredentials");
        }

        Response rightPassword = client.login(worker.username(), worker.password());

        assertProblem(rightPassword, 429, "auth.throttled");
        assertThat(rightPassword.header("Retry-After")).isNotBlank();
        assertThat(rightPassword.body().has("token")).isFalse();

        Response reset = api.post(
                "/api/v1/users/" + id + "/reset-password",
                Map.of("password", "Unlocked-2026!"),
                token(DemoUsers.ADMIN));
        assertThat(reset.status()).isEqualTo(200);
        Response afterReset = client.login(worker.username(), "Unlocked-2026!");
        assertThat(afterReset.status()).isEqualTo(200);
        assertThat(afterReset.body().get("token").asString()).isNotBlank();
    }

    @Test
    void anUnknownUserAndAWrongPasswordReadTheSame() {
        UserBuilder worker = aStationWorker();
        registry.createUser(worker);

        Response unknown = api.login("nobody-" + UUID.randomUUID().toString().substring(0, 8), "whatever-123");
        Response wrong = api.login(worker.username(), "not-the-password");

        assertProblem(unknown, 401, "auth.badCredentials");
        assertProblem(wrong, 401, "auth.badCredentials");
        assertThat(unknown.body().get("detail").asString())
                .isEqualTo(wrong.body().get("detail").asString());
    }
}
