package org.casework.web.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.casework.core.shared.BodyTooLargeException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problems for an HTTP status alone (no domain exception behind it), in the caller's
 * language: the same shape as the API's own problems ({@code code} plus a localized detail).
 */
@Component
public class ErrorProblems {

    private final MessageSource messages;
    private final LocaleResolver localeResolver;
    private final JsonMapper json;

    ErrorProblems(MessageSource messages, LocaleResolver localeResolver, JsonMapper json) {
        this.messages = messages;
        this.localeResolver = localeResolver;
        this.json = json;
    }

    /** API paths answer in problem JSON whatever the Accept header says. */
    static boolean isApiPath(String uri) {
        return uri != null && (uri.startsWith("/api/") || uri.equals("/api"));
    }

    /** The message key that explains a status to the caller. */
    static String keyFor(int status) {
        return switch (status) {
            case 400 -> "error.malformed";
            case 401 -> "error.unauthenticated";
            case 403 -> "error.forbidden";
            case 404 -> "error.notFound.path";
            case 405 -> "error.method";
            case 413 -> "error.bodyTooLarge";
            case 414 -> "error.uriTooLong";
            case 415 -> "error.mediaType";
            case 503 -> "error.databaseUnavailable";
            default -> status >= 500 ? "error.internal" : "error.http";
        };
    }

    /**
     * The problem for a status; {@code limitBytes} (or a negative number when unknown) goes into
     * the message of a 413.
     */
    public Map<String, Object> body(HttpServletRequest request, int status, String uri, long limitBytes) {
        String key = keyFor(status);
        HttpStatus known = HttpStatus.resolve(status);
        Object[] args =
                status == 413 ? new Object[] {BodyTooLargeException.readable(limitBytes)} : new Object[] {status};
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", known == null ? "HTTP " + status : known.getReasonPhrase());
        body.put("status", status);
        body.put("detail", messages.getMessage(key, args, key, locale(request)));
        body.put("instance", uri);
        body.put("code", key);
        if (status == 413 && limitBytes >= 0) {
            body.put("limitBytes", limitBytes);
        }
        return body;
    }

    /** Writes the problem; the caller has made sure the response is not committed. */
    public void write(HttpServletRequest request, HttpServletResponse response, int status, String uri, long limitBytes)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json.writeValueAsString(body(request, status, uri, limitBytes)));
        response.getWriter().flush();
    }

    private Locale locale(HttpServletRequest request) {
        try {
            return localeResolver.resolveLocale(request);
        } catch (RuntimeException e) {
            // a request Tomcat refused early may lack what a resolver reads; the default language then
            return Locale.SIMPLIFIED_CHINESE;
        }
    }
}
