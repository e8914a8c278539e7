package org.casework.sync.server;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes RFC 9457 problems for the sync endpoints, with a {@code code} property and a detail in the
 * caller's language, the same shape as {@code /api/v1}. Used by the filters (which answer before
 * any controller) and by {@link SyncExceptionHandler}.
 */
@Component
@RequiredArgsConstructor
public class SyncProblems {

    private final MessageSource messages;
    private final LocaleResolver localeResolver;
    private final JsonMapper json;

    public Map<String, Object> body(
            HttpServletRequest request, HttpStatus status, String key, Object[] args, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", message(request, key, args));
        body.put("instance", request.getRequestURI());
        body.put("code", key);
        if (extra != null) {
            body.putAll(extra);
        }
        return body;
    }

    public void write(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatus status,
            String key,
            Map<String, Object> extra)
            throws IOException {
        write(request, response, status, key, extra, (Object[]) null);
    }

    /** A problem whose message takes arguments (e.g. the size limit of a refused body). */
    public void write(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatus status,
            String key,
            Map<String, Object> extra,
            Object... args)
            throws IOException {
        Map<String, Object> body = body(request, status, key, args, extra);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json.writeValueAsString(body));
    }

    public String message(HttpServletRequest request, String key, Object[] args) {
        return messages.getMessage(key, args, key, localeResolver.resolveLocale(request));
    }

    public List<Map<String, Object>> fieldErrors(HttpServletRequest request, String field, String key, Object[] args) {
        return List.of(Map.of("field", field, "message", message(request, key, args)));
    }
}
