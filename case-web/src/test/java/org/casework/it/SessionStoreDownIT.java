package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;

import org.casework.it.fixtures.UserBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * A logged-in user opening a page while the database is gone (the failover test's window when the
 * active Galera node dies): the web session cannot be read, and the answer must be 503 with
 * Retry-After (the browser may try again in a moment), not a 500 that says the system is broken.
 * The session filter runs again on the error page, where the same failure used to turn the 503 into
 * Tomcat's 500.
 */
class SessionStoreDownIT extends ApiTest {

    @LocalServerPort
    int port;

    @MockitoSpyBean
    JdbcIndexedSessionRepository sessions;

    @AfterEach
    void databaseBack() {
        reset(sessions);
    }

    @Test
    void aPageWhileTheSessionStoreIsDownIs503() {
        UserBuilder worker = UserBuilder.aStationWorker();
        registry.createUser(worker);
        WebSession browser = new WebSession(port, Api.someAddress());
        assertThat(browser.login(worker.username(), worker.password()).location())
                .doesNotContain("error");
        assertThat(browser.get("/worklist").status()).isEqualTo(200);

        doThrow(new DataAccessResourceFailureException("Communications link failure"))
                .when(sessions)
                .findById(anyString());
        WebSession.Page page = browser.get("/worklist");

        assertThat(page.status()).as(page.body()).isEqualTo(503);
        assertThat(page.headers("Retry-After")).containsExactly("2");

        doCallRealMethod().when(sessions).findById(anyString());
        assertThat(browser.get("/worklist").status())
                .as("still logged in afterwards")
                .isEqualTo(200);
    }
}
