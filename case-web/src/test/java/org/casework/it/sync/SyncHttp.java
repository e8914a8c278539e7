package org.casework.it.sync;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Raw HTTP for the sync endpoints, with gzip both ways when asked, measuring bytes on the wire. */
final class SyncHttp {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    SyncHttp(int port) {
        this.base = "http://localhost:" + port;
    }

    record Reply(int status, JsonNode body, String contentEncoding, int wireBytes, String text) {}

    Reply post(String path, Object body, String token, boolean gzip) {
        return post(path, body, token, gzip, "zh-CN");
    }

    Reply post(String path, Object body, String token, boolean gzip, String language) {
        try {
            byte[] bytes =
                    (body instanceof String s ? s : JSON.writeValueAsString(body)).getBytes(StandardCharsets.UTF_8);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json")
                    .header("Accept-Language", language);
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (gzip) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (GZIPOutputStream z = new GZIPOutputStream(out)) {
                    z.write(bytes);
                }
                bytes = out.toByteArray();
                request.header("Content-Encoding", "gzip").header("Accept-Encoding", "gzip");
            }
            HttpResponse<byte[]> response = http.send(
                    request.POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            byte[] raw = response.body();
            String encoding = response.headers().firstValue("Content-Encoding").orElse(null);
            byte[] plain = "gzip".equalsIgnoreCase(encoding)
                    ? new GZIPInputStream(new java.io.ByteArrayInputStream(raw)).readAllBytes()
                    : raw;
            String text = new String(plain, StandardCharsets.UTF_8);
            JsonNode json = text.isBlank() ? null : JSON.readTree(text);
            return new Reply(response.statusCode(), json, encoding, raw.length, text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
