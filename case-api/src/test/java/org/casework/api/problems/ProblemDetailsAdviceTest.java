package org.casework.api.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Locale;
import org.hibernate.TransactionException;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

/**
 * A failure of the database reaching a REST controller is 503 with Retry-After (send it again
 * later), not a 500: the REST client of a county office retries a 503 and reports a 500 as a bug.
 */
class ProblemDetailsAdviceTest {

    private final ProblemDetailsAdvice advice;

    ProblemDetailsAdviceTest() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("error.databaseUnavailable", Locale.SIMPLIFIED_CHINESE, "数据库暂时不可用，请稍后重试。");
        messages.addMessage("error.internal", Locale.SIMPLIFIED_CHINESE, "系统出现意外错误");
        advice = new ProblemDetailsAdvice(messages, new FixedLocaleResolver(Locale.SIMPLIFIED_CHINESE));
    }

    /**
     * The REST 500s of the failover test at the death of the active Galera node: the rollback after
     * the lost connection met the connection HikariCP had already closed, and Spring threw that.
     */
    @Test
    void aRollbackOnAConnectionThePoolAlreadyClosedIs503WithRetryAfter() {
        ResponseEntity<ProblemDetail> answer = advice.unexpected(
                new JpaSystemException(new TransactionException(
                        "Unable to rollback against JDBC Connection", new SQLException("Connection is closed"))),
                new MockHttpServletRequest("POST", "/api/v1/services"));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("2");
        assertThat(answer.getBody().getProperties()).containsEntry("code", "error.databaseUnavailable");
        assertThat(answer.getBody().getDetail()).startsWith("数据库暂时不可用");
    }

    @Test
    void aLostConnectionIs503() {
        ResponseEntity<ProblemDetail> answer = advice.unexpected(
                new DataAccessResourceFailureException("Socket error"),
                new MockHttpServletRequest("POST", "/api/v1/services"));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
    }

    @Test
    void aBugStays500() {
        ResponseEntity<ProblemDetail> answer = advice.unexpected(
                new IllegalStateException("a bug"), new MockHttpServletRequest("POST", "/api/v1/services"));

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getBody().getProperties()).containsEntry("code", "error.internal");
    }
}
