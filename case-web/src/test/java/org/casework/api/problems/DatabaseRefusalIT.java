package org.casework.api.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.casework.core.audit.ChangeLogEntry;
import org.casework.core.audit.ChangeLogRepository;
import org.casework.it.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The last line behind the services' length checks: a value the database refuses is never written
 * to the log (driver messages quote it), and a value too long for its column is answered as bad
 * input (400), not as a clash to "refresh and retry" (409).
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class DatabaseRefusalIT {

    private static final String PHONE = "13987654321";

    @Autowired
    private ChangeLogRepository changes;

    @Autowired
    private MessageSource messages;

    @Autowired
    private LocaleResolver localeResolver;

    @Test
    void aValueTooLongForItsColumnIsNotLoggedAndIsABadRequest(CapturedOutput log) {
        // field names joined: 100 × 12 characters, for a column of 1,000
        List<String> fields = Collections.nCopies(100, PHONE);
        DataIntegrityViolationException refused = catchThrowableOfType(
                DataIntegrityViolationException.class,
                () -> changes.saveAndFlush(new ChangeLogEntry(
                        "Client", UUID.randomUUID(), "TEST", fields, null, "system", Instant.now())));

        ProblemDetail problem = advice().integrity(refused, new MockHttpServletRequest("POST", "/api/v1/clients"));

        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getProperties()).containsEntry("code", "error.text.tooLongForStorage");
        assertThat(log.getAll()).doesNotContain(PHONE);
    }

    @Test
    void aClashWithStoredDataStaysA409AndIsLoggedWithoutItsMessage(CapturedOutput log) {
        DataIntegrityViolationException duplicate = new DataIntegrityViolationException(
                "duplicate", new SQLException("Duplicate entry '" + PHONE + "' for key 'uk'", "23000", 1062));

        ProblemDetail problem = advice().integrity(duplicate, new MockHttpServletRequest("POST", "/api/v1/users"));

        assertThat(problem.getStatus()).isEqualTo(409);
        assertThat(log.getAll()).contains("SQLException[23000/1062]").doesNotContain(PHONE);
    }

    private ProblemDetailsAdvice advice() {
        return new ProblemDetailsAdvice(messages, localeResolver);
    }
}
