package org.casework.sync.server;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.GZIPOutputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes protocol responses: absent values are left out (a removal is just {@code t}, {@code id},
 * {@code s}, {@code op}), except inside a record's fields, where null means "cleared"; gzip when the
 * device accepts it, whatever the server's general compression settings.
 */
@Component
class SyncJson {

    private final JsonMapper json;

    /** JSON bytes of a streamed answer written between two sends (see {@link StreamedAnswer}). */
    private final int flushBytes;

    SyncJson(JsonMapper json, @Value("${casework.sync.stream.flush-bytes:16384}") int flushBytes) {
        this.flushBytes = flushBytes;
        this.json = json.rebuild()
                .changeDefaultPropertyInclusion(
                        incl -> incl.withValueInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                                .withContentInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS))
                .build();
    }

    /** A sync answer to write as it is made. */
    StreamedAnswer stream(HttpServletRequest request, HttpServletResponse response) {
        return new StreamedAnswer(json, request, response, flushBytes);
    }

    void write(HttpServletRequest request, HttpServletResponse response, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.addHeader("Vary", "Accept-Encoding");
        String accept = request.getHeader("Accept-Encoding");
        if (accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("gzip")) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(bytes.length / 4 + 64);
            try (GZIPOutputStream gzip = new GZIPOutputStream(buffer)) {
                gzip.write(bytes);
            }
            bytes = buffer.toByteArray();
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setContentLength(bytes.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(bytes);
        }
    }
}
