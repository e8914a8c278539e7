package org.casework.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.RequestDispatcher;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hibernate.TransactionException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * A database failure that escapes a filter (the API token is looked up before any controller) is
 * 503 with Retry-After and a Chinese problem, not a 500: found by the failover test, where the
 * active Galera node was killed while requests were being authenticated.
 */
class DatabaseUnavailableErrorTest {

    private final ProblemErrorController controller;

    DatabaseUnavailableErrorTest() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("error.databaseUnavailable", Locale.SIMPLIFIED_CHINESE, "数据库暂时不可用，请稍后重试。");
        messages.addMessage("error.internal", Locale.SIMPLIFIED_CHINESE, "系统出现意外错误");
        ErrorProblems problems = new ErrorProblems(
                messages,
                new FixedLocaleResolver(Locale.SIMPLIFIED_CHINESE),
                JsonMapper.builder().build());
        controller =
                new ProblemErrorController(new DefaultErrorAttributes(), new ErrorProperties(), List.of(), problems);
    }

    @Test
    void aLostConnectionWhileAuthenticatingAnApiCallIs503InChinese() {
        MockHttpServletRequest request = failed(
                "/api/v1/services",
                new CannotCreateTransactionException(
                        "Could not open JPA EntityManager",
                        new DataAccessResourceFailureException("Connection refused")));

        ResponseEntity<Map<String, Object>> answer = controller.error(request);

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("2");
        assertThat(answer.getBody()).containsEntry("code", "error.databaseUnavailable");
        assertThat((String) answer.getBody().get("detail")).startsWith("数据库暂时不可用");
    }

    /**
     * The 2 REST 500s (and a page's) left in the failover test at the death of the active Galera
     * node: the rollback after the lost connection failed on the connection HikariCP had already
     * closed, and Spring threw that failure instead.
     */
    @Test
    void aRollbackOnAConnectionThePoolAlreadyClosedIs503() {
        MockHttpServletRequest request = failed(
                "/api/v1/services",
                new JpaSystemException(new TransactionException(
                        "Unable to rollback against JDBC Connection", new SQLException("Connection is closed"))));

        ResponseEntity<Map<String, Object>> answer = controller.error(request);

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("2");
        assertThat(answer.getBody()).containsEntry("code", "error.databaseUnavailable");
    }

    @Test
    void aPageIs503Too() {
        MockHttpServletRequest request =
                failed("/worklist", new DataAccessResourceFailureException("Connection reset"));
        MockHttpServletResponse response = new MockHttpServletResponse();

        controller.errorHtml(request, response);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("2");
    }

    @Test
    void anyOtherFailureStays500() {
        MockHttpServletRequest request = failed("/api/v1/services", new IllegalStateException("a bug"));

        ResponseEntity<Map<String, Object>> answer = controller.error(request);

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getBody()).containsEntry("code", "error.internal");
    }

    private static MockHttpServletRequest failed(String uri, Throwable error) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, error);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, uri);
        return request;
    }
}
