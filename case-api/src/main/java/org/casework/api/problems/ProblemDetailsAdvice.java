package org.casework.api.problems;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.casework.core.accounts.LoginThrottledException;
import org.casework.core.audit.TooManyRevealsException;
import org.casework.core.clients.PossibleDuplicateException;
import org.casework.core.database.TransientFailures;
import org.casework.core.shared.AccessDeniedException;
import org.casework.core.shared.BodyTooLargeException;
import org.casework.core.shared.ConflictException;
import org.casework.core.shared.DomainException;
import org.casework.core.shared.InvalidInputException;
import org.casework.core.shared.LogSafe;
import org.casework.core.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every refusal into an RFC 9457 problem with a message in the caller's language
 * (Accept-Language, zh-CN by default). Never a stack trace, never a 500 for bad input.
 */
@RestControllerAdvice(basePackages = "org.casework.api")
@RequiredArgsConstructor
public class ProblemDetailsAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final MessageSource messages;
    private final LocaleResolver localeResolver;

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e, HttpServletRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, e, request);
        String message = problem.getDetail();
        problem.setProperty("errors", List.of(Map.of("field", e.getField(), "message", message)));
        return problem;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, e, request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e, HttpServletRequest request) {
        boolean unauthenticated = "error.unauthenticated".equals(e.getMessageKey())
                || e.getMessageKey().startsWith("auth.");
        HttpStatus status = unauthenticated ? HttpStatus.UNAUTHORIZED : HttpStatus.FORBIDDEN;
        return problem(status, e, request);
    }

    /** Too many wrong passwords: 429 with Retry-After, the wait also in the message. */
    @ExceptionHandler(LoginThrottledException.class)
    ResponseEntity<ProblemDetail> throttled(LoginThrottledException e, HttpServletRequest request) {
        ProblemDetail problem = problem(HttpStatus.TOO_MANY_REQUESTS, e, request);
        problem.setProperty("retryAfter", e.retryAfter().toSeconds());
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfter().toSeconds()))
                .body(problem);
    }

    @ExceptionHandler(PossibleDuplicateException.class)
    ProblemDetail possibleDuplicate(PossibleDuplicateException e, HttpServletRequest request) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, e, request);
        problem.setProperty("matches", e.getMatches());
        return problem;
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e, HttpServletRequest request) {
        return problem(HttpStatus.CONFLICT, e, request);
    }

    @ExceptionHandler(DomainException.class)
    ProblemDetail domain(DomainException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, e, request);
    }

    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    ProblemDetail staleWrite(ObjectOptimisticLockingFailureException e, HttpServletRequest request) {
        return problem(HttpStatus.CONFLICT, "error.staleVersion", request);
    }

    /**
     * A write the database refused. The services check lengths and required values first, so this
     * is a last line: a value too long for its column (SQL state 22001) is still the caller's input
     * (400), anything else a clash with stored data (409). The log names the SQL state only: driver
     * messages quote the value, and values are personal data.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException e, HttpServletRequest request) {
        log.info("Refused a write that breaks a database constraint: {}", LogSafe.describe(e));
        if ("22001".equals(LogSafe.sqlState(e))) {
            return problem(HttpStatus.BAD_REQUEST, "error.text.tooLongForStorage", request);
        }
        return problem(HttpStatus.CONFLICT, "error.constraint", request);
    }

    /** The reveal limit: 429 with the time until one more reveal is allowed. */
    @ExceptionHandler(TooManyRevealsException.class)
    ResponseEntity<ProblemDetail> tooManyReveals(TooManyRevealsException e, HttpServletRequest request) {
        ProblemDetail problem = problem(HttpStatus.TOO_MANY_REQUESTS, e, request);
        long seconds = Math.max(1, e.getRetryAfter().toSeconds());
        problem.setProperty("retryAfterSeconds", seconds);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds))
                .body(problem);
    }

    /** A body over the request size limit, found while reading it (no Content-Length, or inflated). */
    @ExceptionHandler({BodyTooLargeException.class, MaxUploadSizeExceededException.class})
    ProblemDetail tooLarge(Exception e, HttpServletRequest request) {
        long limit = e instanceof BodyTooLargeException big ? big.getLimitBytes() : uploadLimit(e);
        return tooLarge(request, limit);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail validation(MethodArgumentNotValidException e, HttpServletRequest request) {
        Locale locale = localeResolver.resolveLocale(request);
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "error.validation", request);
        problem.setProperty(
                "errors",
                e.getBindingResult().getFieldErrors().stream()
                        .map(f -> Map.of("field", f.getField(), "message", messages.getMessage(f, locale)))
                        .toList());
        return problem;
    }

    @ExceptionHandler({
        HttpMessageNotReadableException.class,
        MethodArgumentTypeMismatchException.class,
        MissingServletRequestParameterException.class,
        MissingServletRequestPartException.class,
        MissingRequestHeaderException.class
    })
    ProblemDetail malformed(Exception e, HttpServletRequest request) {
        BodyTooLargeException tooLarge = BodyTooLargeException.in(e);
        if (tooLarge != null) {
            return tooLarge(request, tooLarge.getLimitBytes());
        }
        return problem(HttpStatus.BAD_REQUEST, "error.malformed", request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(Exception e, HttpServletRequest request) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.mediaType", request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail method(Exception e, HttpServletRequest request) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "error.method", request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail noResource(Exception e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, "error.notFound.path", request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        BodyTooLargeException tooLarge = BodyTooLargeException.in(e);
        if (tooLarge != null) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                    .body(tooLarge(request, tooLarge.getLimitBytes()));
        }
        if (TransientFailures.isTransient(e)) {
            return databaseUnavailable(e, request);
        }
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), LogSafe.scrub(e));
        return ResponseEntity.internalServerError()
                .body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "error.internal", request));
    }

    /**
     * The database failed, not the request (a deadlock or certification failure that outlived the
     * retries, a lost connection, a node leaving the cluster): 503 with Retry-After, so clients and
     * load balancers know that sending it again later is right. Nothing is known to be saved.
     */
    private ResponseEntity<ProblemDetail> databaseUnavailable(Exception e, HttpServletRequest request) {
        log.warn(
                "Database temporarily unavailable on {} {}: {}",
                request.getMethod(),
                request.getRequestURI(),
                LogSafe.describe(e));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "2")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "error.databaseUnavailable", request));
    }

    private ProblemDetail tooLarge(HttpServletRequest request, long limitBytes) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONTENT_TOO_LARGE,
                messages.getMessage(
                        "error.bodyTooLarge",
                        new Object[] {BodyTooLargeException.readable(limitBytes)},
                        "error.bodyTooLarge",
                        localeResolver.resolveLocale(request)));
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("code", "error.bodyTooLarge");
        problem.setProperty("limitBytes", limitBytes);
        return problem;
    }

    private static long uploadLimit(Exception e) {
        return e instanceof MaxUploadSizeExceededException max && max.getMaxUploadSize() > 0
                ? max.getMaxUploadSize()
                : -1;
    }

    private ProblemDetail problem(HttpStatus status, DomainException e, HttpServletRequest request) {
        log.debug("Refused {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessageKey(), e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                status,
                messages.getMessage(
                        e.getMessageKey(), e.getArguments(), e.getMessageKey(), localeResolver.resolveLocale(request)));
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("code", e.getMessageKey());
        return problem;
    }

    private ProblemDetail problem(HttpStatus status, String key, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                status, messages.getMessage(key, null, key, localeResolver.resolveLocale(request)));
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("code", key);
        return problem;
    }
}
