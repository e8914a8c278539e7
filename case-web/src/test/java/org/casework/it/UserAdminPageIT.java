package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.casework.it.fixtures.DemoUsers;
import org.casework.it.fixtures.UserBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The user administration page shows who is throttled after wrong passwords and unlocks them. */
class UserAdminPageIT extends ApiTest {

    @LocalServerPort
    int port;

    /** The list page that shows the user (50 a page, by username). */
    private String pageListing(WebSession admin, String username) {
        for (int page = 0; page < 40; page++) {
            String body = admin.get("/admin/users?page=" + page).body();
            if (body.contains(username)) {
                return body.substring(body.indexOf(username));
            }
        }
        throw new AssertionError(username + " is not listed");
    }

    @Test
    void anAdministratorSeesTheThrottleAndUnlocksFromTheUserPage() {
        UserBuilder worker = UserBuilder.aStationWorker();
        UUID id = registry.createUser(worker);
        Api attacker = api.from(Api.someAddress());
        for (int attempt = 1; attempt <= 6; attempt++) {
            attacker.login(worker.username(), "Guess-Number-" + attempt);
        }
        assertThat(api.from(Api.someAddress())
                        .login(worker.username(), worker.password())
                        .status())
                .isEqualTo(429);
        WebSession admin = new WebSession(port, Api.someAddress());
        admin.login(DemoUsers.ADMIN, Api.PASSWORD);

        String row = pageListing(admin, worker.username());
        assertThat(row.substring(0, row.indexOf("</tr>")))
                .contains("登录受限")
                .contains("连续输错密码 5 次")
                .contains("/admin/users/" + id + "/unlock");

        WebSession.Page unlocked = admin.submit("/admin/users", "/admin/users/" + id + "/unlock", Map.of());

        assertThat(unlocked.location()).endsWith("/admin/users");
        assertThat(api.from(Api.someAddress())
                        .login(worker.username(), worker.password())
                        .status())
                .isEqualTo(200);
    }
}
