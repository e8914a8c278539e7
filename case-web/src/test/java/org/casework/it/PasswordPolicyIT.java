package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.ClientRegistryIT.assertProblem;

import java.util.Map;
import java.util.UUID;
import org.casework.it.Api.Response;
import org.casework.it.fixtures.DemoUsers;
import org.casework.it.fixtures.UserBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Passwords follow the policy (length, common and context passwords, repetitions) wherever they
 * are set; a password an administrator reset must be replaced by the user before anything else, at
 * every door; the demo accounts keep their published password (the demo seed is the one exception).
 */
class PasswordPolicyIT extends ApiTest {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @CsvSource({
        "short-1, account.password.tooShort",
        "casework-demo, account.password.common",
        "password2026, account.password.common",
        "qwertyuiop, account.password.common",
        "aaaaaaaaaaaa, account.password.repetitive",
        "wangwuwangwuwangwu, account.password.repetitive",
        "王小红的密码很长很长, account.password.context"
    })
    void weakPasswordsAreRefusedWithTheRuleTheyBreak(String password, String key) {
        UserBuilder user = UserBuilder.aStationWorker().displayed("王小红").withPassword(password);

        Response r = api.post("/api/v1/users", user.build(), token(DemoUsers.ADMIN));

        assertProblem(r, 400, key);
        assertThat(r.body().get("errors").get(0).get("field").asString()).isEqualTo("password");
    }

    @Test
    void theUsernameCannotBeThePassword() {
        UserBuilder user = UserBuilder.aStationWorker();
        user.withPassword(user.username() + "!2026");

        assertProblem(api.post("/api/v1/users", user.build(), token(DemoUsers.ADMIN)), 400, "account.password.context");
    }

    @Test
    void anAdministratorsResetMustFollowThePolicyToo() {
        UUID id = registry.createUser(UserBuilder.aStationWorker());

        Response r = api.post(
                "/api/v1/users/" + id + "/reset-password", Map.of("password", "casework-demo"), token(DemoUsers.ADMIN));

        assertProblem(r, 400, "account.password.common");
    }

    @Test
    void theDemoAccountsKeepTheirPublishedPassword() {
        assertThat(api.from(Api.someAddress())
                        .login(DemoUsers.DIRECTOR_RENZHUANG, Api.PASSWORD)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aResetPasswordMustBeChangedBeforeTheApiAnswersAnythingElse() {
        UserBuilder worker = UserBuilder.aStationWorker();
        UUID id = registry.createUser(worker);
        String temporary = "Temporary-Reset-77";
        assertThat(api.post(
                                "/api/v1/users/" + id + "/reset-password",
                                Map.of("password", temporary),
                                token(DemoUsers.ADMIN))
                        .body()
                        .get("passwordChangeRequired")
                        .asBoolean())
                .isTrue();

        String token =
                api.login(worker.username(), temporary).body().get("token").asString();
        assertProblem(api.get("/api/v1/clients", token), 403, "account.password.changeRequired");
        assertProblem(
                api.post(
                        "/api/v1/auth/password",
                        Map.of("currentPassword", "Not-The-Current-1", "newPassword", "My-Own-Choice-88"),
                        token),
                400,
                "account.password.currentWrong");
        assertProblem(
                api.post(
                        "/api/v1/auth/password",
                        Map.of("currentPassword", temporary, "newPassword", "password123"),
                        token),
                400,
                "account.password.common");

        Response changed = api.post(
                "/api/v1/auth/password",
                Map.of("currentPassword", temporary, "newPassword", "My-Own-Choice-88"),
                token);

        assertThat(changed.status()).as(changed.raw().body()).isEqualTo(204);
        assertThat(api.get("/api/v1/clients", token).status()).isEqualTo(200);
        assertThat(api.login(worker.username(), "My-Own-Choice-88").status()).isEqualTo(200);
    }

    @Test
    void aDeviceCannotRegisterWithAResetPassword() {
        UserBuilder director = UserBuilder.aVillageChildDirector();
        UUID id = registry.createUser(director);
        api.post(
                "/api/v1/users/" + id + "/reset-password",
                Map.of("password", "Temporary-Reset-77"),
                token(DemoUsers.ADMIN));

        Response r = api.post(
                "/api/sync/v1/devices",
                Map.of("username", director.username(), "password", "Temporary-Reset-77", "deviceName", "x"),
                null);

        assertProblem(r, 403, "account.password.changeRequired");
    }

    @Test
    void theWebSendsAResetUserToTheChangePasswordPageUntilTheyHaveChangedIt() {
        UserBuilder worker = UserBuilder.aStationWorker();
        UUID id = registry.createUser(worker);
        api.post(
                "/api/v1/users/" + id + "/reset-password",
                Map.of("password", "Temporary-Reset-77"),
                token(DemoUsers.ADMIN));
        WebSession browser = new WebSession(port, Api.someAddress());

        browser.login(worker.username(), "Temporary-Reset-77");

        assertThat(browser.get("/").location()).endsWith("/account/password");
        assertThat(browser.get("/clients").location()).endsWith("/account/password");
        WebSession.Page form = browser.get("/account/password");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("管理员重置了您的密码");
        WebSession.Page mismatch = browser.submit(
                "/account/password",
                "/account/password",
                Map.of(
                        "currentPassword", "Temporary-Reset-77",
                        "newPassword", "My-Own-Choice-88",
                        "confirmPassword", "My-Own-Choice-89"));
        assertThat(mismatch.status()).isEqualTo(200);
        assertThat(mismatch.body()).contains("两次输入的新密码不一致");

        WebSession.Page changed = browser.submit(
                "/account/password",
                "/account/password",
                Map.of(
                        "currentPassword", "Temporary-Reset-77",
                        "newPassword", "My-Own-Choice-88",
                        "confirmPassword", "My-Own-Choice-88"));

        assertThat(changed.location()).endsWith("/");
        assertThat(browser.get("/clients").status()).isEqualTo(200);
    }
}
