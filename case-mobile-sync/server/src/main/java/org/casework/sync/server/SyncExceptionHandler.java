package org.casework.sync.server;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.casework.core.accounts.LoginThrottledException;
import org.casework.core.database.TransientFailures;
import org.casework.core.shared.AccessDeniedException;
import org.casework.core.shared.BodyTooLargeException;
import org.casework.core.shared.ConflictException;
import org.casework.core.shared.DomainException;
import org.casework.core.shared.InvalidInputException;
import org.casework.core.shared.LogSafe;
import org.casework.sync.server.engine.SyncService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refusals of the sync endpoints as problems in the caller's language. */
@RestControllerAdvice(basePackages = "org.casework.sync.server")
@RequiredArgsConstructor
class SyncExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(SyncExceptionHandler.class);

    private final SyncProblems problems;

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidInputException e, HttpServletRequest request) {
        return respond(
                request,
                HttpStatus.BAD_REQUEST,
                e,
                Map.of("errors", problems.fieldErrors(request, e.getField(), e.getMessageKey(), e.getArguments())));
    }

    @ExceptionHandler(SyncService.TooManyMutations.class)
    ResponseEntity<Map<String, Object>> tooMany(DomainException e, HttpServletRequest request) {
        return respond(request, HttpStatus.PAYLOAD_TOO_LARGE, e, null);
    }

    /** Too many wrong passwords: 429 with Retry-After (the same answer as the API's token endpoint). */
    @ExceptionHandler(LoginThrottledException.class)
    ResponseEntity<Map<String, Object>> throttled(LoginThrottledException e, HttpServletRequest request) {
        long seconds = e.retryAfter().toSeconds();
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.body(
                        request,
                        HttpStatus.TOO_MANY_REQUESTS,
                        e.getMessageKey(),
                        e.getArguments(),
                        Map.of("retryAfter", seconds)));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, Object>> denied(AccessDeniedException e, HttpServletRequest request) {
        String key = e.getMessageKey();
        boolean unauthenticated =
                key.startsWith("auth.") || key.startsWith("device.") || "error.unauthenticated".equals(key);
        return respond(request, unauthenticated ? HttpStatus.UNAUTHORIZED : HttpStatus.FORBIDDEN, e, null);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Map<String, Object>> conflict(ConflictException e, HttpServletRequest request) {
        return respond(request, HttpStatus.CONFLICT, e, null);
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<Map<String, Object>> domain(DomainException e, HttpServletRequest request) {
        return respond(request, HttpStatus.BAD_REQUEST, e, null);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> malformed(Exception e, HttpServletRequest request) {
        BodyTooLargeException tooLarge = BodyTooLargeException.in(e);
        if (tooLarge != null) {
            return tooLarge(request, tooLarge);
        }
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.body(request, HttpStatus.BAD_REQUEST, "error.malformed", null, null));
    }

    /**
     * Part of the answer had left when making the rest failed: no status or problem can be sent any
     * more. Thrown on, so the container drops the connection instead of ending the answer: the
     * device sees no answer (no cursor, no gzip trailer) and asks again.
     */
    @ExceptionHandler(StreamedAnswer.CutShort.class)
    void cutShort(StreamedAnswer.CutShort e, HttpServletRequest request) {
        log.warn("{} on {}: {}", e.getMessage(), request.getRequestURI(), LogSafe.describe(e.getCause()));
        throw e.bare();
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e, HttpServletRequest request) {
        BodyTooLargeException tooLarge = BodyTooLargeException.in(e);
        if (tooLarge != null) {
            return tooLarge(request, tooLarge);
        }
        if (TransientFailures.isTransient(e)) {
            // nothing was acknowledged: the device keeps its queue and sends it again
            log.warn(
                    "Database temporarily unavailable on {} {}: {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    LogSafe.describe(e));
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, "2")
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problems.body(
                            request, HttpStatus.SERVICE_UNAVAILABLE, "error.databaseUnavailable", null, null));
        }
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), LogSafe.scrub(e));
        return ResponseEntity.internalServerError()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.body(request, HttpStatus.INTERNAL_SERVER_ERROR, "error.internal", null, null));
    }

    /** A body over its limit (raw or inflated): 413 stating the limit. */
    private ResponseEntity<Map<String, Object>> tooLarge(HttpServletRequest request, BodyTooLargeException e) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.body(
                        request,
                        HttpStatus.CONTENT_TOO_LARGE,
                        "error.bodyTooLarge",
                        new Object[] {BodyTooLargeException.readable(e.getLimitBytes())},
                        Map.of("limitBytes", e.getLimitBytes())));
    }

    private ResponseEntity<Map<String, Object>> respond(
            HttpServletRequest request, HttpStatus status, DomainException e, Map<String, Object> extra) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.body(request, status, e.getMessageKey(), e.getArguments(), extra));
    }
}
