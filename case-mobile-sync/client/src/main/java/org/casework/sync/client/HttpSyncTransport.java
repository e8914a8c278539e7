package org.casework.sync.client;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
     * @param timeout for the connection, for the answer's headers, and for each wait for more of its body
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
        // the whole body first, then gunzip
        HttpResponse<InputStream> response = send(path, json, bearer, HttpResponse.BodyHandlers.ofInputStream());
        byte[] bytes;
        try (InputStream body = new StallGuard(response.body(), timeout)) {
            bytes = body.readAllBytes();
        }
        if (gzipped(response)) {
            try (InputStream body = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                bytes = body.readAllBytes();
            }
        }
        return new Response(response.statusCode(), new String(bytes, StandardCharsets.UTF_8));
    }

    /**
     * The body gunzipped as its bytes arrive (the server gzip-flushes a streamed answer every ~16 KB),
     * so the device applies records during the transfer (issue 16).
     */
    @Override
    public StreamedResponse stream(String path, String json, String bearer) throws IOException {
        HttpResponse<InputStream> response = send(path, json, bearer, HttpResponse.BodyHandlers.ofInputStream());
        return new StreamedResponse(
                response.statusCode(), new Body(new StallGuard(response.body(), timeout), gzipped(response)));
    }

    private <T> HttpResponse<T> send(String path, String json, String bearer, HttpResponse.BodyHandler<T> handler)
            throws IOException {
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
            return http.send(request.build(), handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static boolean gzipped(HttpResponse<?> response) {
        return response.headers()
                .firstValue("Content-Encoding")
                .map(v -> v.equalsIgnoreCase("gzip"))
                .orElse(false);
    }

    /**
     * A streamed body. Closed after its end, it reads the raw stream to its own end first (the last
     * chunk's terminator follows the gzip trailer): closed before that, {@code HttpClient} drops the
     * connection instead of pooling it, and the next request pays a TCP handshake (a whole round trip
     * on 2G/3G; docs/benchmarks.md, issue 16). Closed early (an answer cut short, a local failure),
     * the connection is dropped, as it should be. A body cut short fails in a read: with gzip an
     * {@code EOFException} at the latest, since its trailer never comes.
     */
    private static final class Body extends InputStream {
        private final InputStream raw;
        private final boolean gzipped;
        private InputStream decoded;
        private boolean ended;

        Body(InputStream raw, boolean gzipped) {
            this.raw = raw;
            this.gzipped = gzipped;
        }

        private InputStream decoded() throws IOException {
            if (decoded == null) {
                // opened at the first read: the gzip header waits for the first bytes
                decoded = gzipped ? new GZIPInputStream(raw, 8192) : raw;
            }
            return decoded;
        }

        @Override
        public int read() throws IOException {
            int b = decoded().read();
            ended |= b < 0;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = decoded().read(buffer, offset, length);
            ended |= n < 0;
            return n;
        }

        @Override
        public void close() throws IOException {
            try {
                if (ended) {
                    raw.transferTo(OutputStream.nullOutputStream());
                }
            } finally {
                raw.close();
            }
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
