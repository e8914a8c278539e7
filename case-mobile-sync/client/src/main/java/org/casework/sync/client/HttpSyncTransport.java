package org.casework.sync.client;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** {@link SyncTransport} over {@code java.net.http}, gzip in both directions (protocol preamble). */
public final class HttpSyncTransport implements SyncTransport {

    private final URI base;
    private final HttpClient http;
    private final Duration timeout;
    private final String language;

    /**
     * @param server e.g. {@code http://station:8080}; paths go under {@code /api/sync/v1}
     * @param language the {@code Accept-Language} for problem messages (zh-CN by default)
     */
    public HttpSyncTransport(URI server, Duration timeout, String language) {
        String s = server.toString();
        this.base = URI.create((s.endsWith("/") ? s.substring(0, s.length() - 1) : s) + "/api/sync/v1");
        this.timeout = timeout;
        this.language = language;
        // HTTP/1.1: no h2c upgrade dance through proxies, one predictable request per sync
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .build();
    }

    @Override
    public Response post(String path, String json, String bearer) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Content-Encoding", "gzip")
                .header("Accept-Encoding", "gzip")
                .header("Accept", "application/json, application/problem+json")
                .header("Accept-Language", language)
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzip(json.getBytes(StandardCharsets.UTF_8))));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            // the whole body first, then gunzip: with ofInputStream() the connection was often not
            // back in the pool when the next request started (the first sync right after
            // registration opened a new one, a round trip more; docs/benchmarks.md, issue 16).
            // A body cut short fails in send() or in the gunzip (EOFException): no answer at all.
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            boolean gzipped = response.headers()
                    .firstValue("Content-Encoding")
                    .map(v -> v.equalsIgnoreCase("gzip"))
                    .orElse(false);
            byte[] bytes = response.body();
            if (gzipped) {
                try (InputStream body = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                    bytes = body.readAllBytes();
                }
            }
            return new Response(response.statusCode(), new String(bytes, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }
}
