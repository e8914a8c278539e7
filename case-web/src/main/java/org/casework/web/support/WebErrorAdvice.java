package org.casework.web.support;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.casework.core.shared.AccessDeniedException;
import org.casework.core.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Refusals of the core services become the localized error pages. The status is sent as an error,
 * so Boot renders templates/error/{status}.html the same way as for an unknown URL: one look for
 * "not found" whether the record is missing, outside the jurisdiction or the id is garbled.
 */
@ControllerAdvice(basePackages = "org.casework.web")
class WebErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(WebErrorAdvice.class);

    @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class})
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    @ExceptionHandler(AccessDeniedException.class)
    void forbidden(AccessDeniedException e, HttpServletResponse response) throws IOException {
        log.debug("Page refused: {}", e.getMessageKey());
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }
}
