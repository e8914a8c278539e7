package org.casework.web.http;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.casework.core.database.TransientFailures;
import org.casework.core.shared.BodyTooLargeException;
import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.ModelAndView;

/**
 * Boot's /error page, except for API paths: a status sent by a filter (security, size limit) or an
 * exception that escaped one becomes an RFC 9457 problem there, never Boot's own JSON or an HTML
 * page. Web pages keep the localized error templates. Opening /error itself is "not found".
 */
class ProblemErrorController extends BasicErrorController {

    static final String RETRY_AFTER_SECONDS = "2";

    private final ErrorProblems problems;

    ProblemErrorController(
            ErrorAttributes attributes,
            ErrorProperties properties,
            List<ErrorViewResolver> resolvers,
            ErrorProblems problems) {
        super(attributes, properties, resolvers);
        this.problems = problems;
    }

    @Override
    public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
        databaseUnavailable(request, response);
        if (isDirectHit(request) || ErrorProblems.isApiPath(originalUri(request))) {
            write(request, response);
            return null;
        }
        return super.errorHtml(request, response);
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        boolean unavailable = databaseUnavailable(request, null);
        if (isDirectHit(request) || ErrorProblems.isApiPath(originalUri(request))) {
            int status = status(request);
            return ResponseEntity.status(status)
                    .headers(h -> {
                        if (unavailable) {
                            h.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
                        }
                    })
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problems.body(request, status, originalUri(request), limit(request)));
        }
        return super.error(request);
    }

    private void write(HttpServletRequest request, HttpServletResponse response) {
        try {
            problems.write(request, response, status(request), originalUri(request), limit(request));
        } catch (IOException e) {
            // the client went away; nothing more to tell it
        }
    }

    /**
     * A failure of the database that escaped a filter (the bearer or device token is looked up
     * before any controller, so a lost connection or a node leaving the cluster surfaces here): 503
     * with Retry-After, on pages as on the API, instead of a 500. Nothing in the request was wrong.
     */
    static boolean databaseUnavailable(HttpServletRequest request, HttpServletResponse response) {
        Object error = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (!(error instanceof Throwable t) || !TransientFailures.isTransient(t)) {
            return false;
        }
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 503);
        if (response != null) {
            response.setStatus(503);
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return true;
    }

    /** /error asked for by a client, not forwarded to by the container. */
    private static boolean isDirectHit(HttpServletRequest request) {
        return request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null;
    }

    private static int status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            return 404;
        }
        Object error = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (error instanceof Throwable t && BodyTooLargeException.in(t) != null) {
            return 413;
        }
        return code instanceof Integer i ? i : 500;
    }

    private static String originalUri(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri == null ? request.getRequestURI() : uri.toString();
    }

    private static long limit(HttpServletRequest request) {
        Object error = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        BodyTooLargeException tooLarge = error instanceof Throwable t ? BodyTooLargeException.in(t) : null;
        if (tooLarge != null) {
            return tooLarge.getLimitBytes();
        }
        return request.getAttribute(RequestSizeLimitFilter.LIMIT_ATTRIBUTE) instanceof Long l ? l : -1;
    }
}
