package org.casework.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for tests: real requests to the running server, JSON in and out. */
public final class Api {

    public static final String PASSWORD = "casework-demo";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> TOKENS = new HashMap<>();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String clientAddress;

    public Api(int port) {
        this("http://localhost:" + port, null);
    }

    private Api(String base, String clientAddress) {
        this.base = base;
        this.clientAddress = clientAddress;
    }

    /**
     * The same server seen from another client address (X-Forwarded-For, honoured by the test
     * profile): login throttles count per address, so a test that spends them uses its own.
     */
    public Api from(String address) {
        return new Api(base, address);
    }

    /** A client address of the documentation range nobody else in the suite uses. */
    public static String someAddress() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        return "198.51." + random.nextInt(100, 256) + "." + random.nextInt(1, 255);
    }

    /** A response: status, headers and the parsed body (null when empty). */
    public record Response(int status, JsonNode body, HttpResponse<String> raw) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    /** A token for a demo user, fetched once per server. */
    public String tokenFor(String username) {
        return tokenFor(username, PASSWORD);
    }

    /** A token for a user a test created, fetched once per server. */
    public String tokenFor(String username, String password) {
        return TOKENS.computeIfAbsent(base + "|" + username, k -> {
            Response r = post("/api/v1/auth/token", Map.of("username", username, "password", password), null);
            if (r.status() != 200) {
                throw new IllegalStateException(
                        "Login of " + username + " failed: " + r.raw().body());
            }
            return r.body().get("token").asString();
        });
    }

    /** Logs in without caching the token: for tests that revoke, disable or lock. */
    public Response login(String username, String password) {
        return post("/api/v1/auth/token", Map.of("username", username, "password", password), null);
    }

    public Response delete(String path, String token) {
        return send(request(path, token).DELETE().build());
    }

    public Response get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    public Response get(String path, String token, String acceptLanguage) {
        return send(request(path, token)
                .header("Accept-Language", acceptLanguage)
                .GET()
                .build());
    }

    public Response post(String path, Object body, String token) {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body)))
                .build());
    }

    public Response post(String path, Object body, String token, String ifMatch) {
        HttpRequest.Builder builder = request(path, token).header("Content-Type", "application/json");
        if (ifMatch != null) {
            builder.header("If-Match", ifMatch);
        }
        return send(
                builder.POST(HttpRequest.BodyPublishers.ofString(json(body))).build());
    }

    public Response postRaw(String path, String rawBody, String token, String acceptLanguage) {
        return send(request(path, token)
                .header("Content-Type", "application/json")
                .header("Accept-Language", acceptLanguage)
                .POST(HttpRequest.BodyPublishers.ofString(rawBody))
                .build());
    }

    public Response put(String path, Object body, String token, String ifMatch) {
        HttpRequest.Builder builder = request(path, token).header("Content-Type", "application/json");
        if (ifMatch != null) {
            builder.header("If-Match", ifMatch);
        }
        return send(builder.PUT(HttpRequest.BodyPublishers.ofString(json(body))).build());
    }

    public Response multipart(String path, String fileName, byte[] content, String token) {
        String boundary = "casework-test-boundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: text/csv\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return send(request(path, token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    public static String json(Object body) {
        return body instanceof String s ? s : JSON.writeValueAsString(body);
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        if (clientAddress != null) {
            builder.header("X-Forwarded-For", clientAddress);
        }
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response =
                    http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String text = response.body();
            JsonNode body = text == null || text.isBlank() || !text.strip().matches("(?s)^[\\[{].*")
                    ? null
                    : JSON.readTree(text);
            return new Response(response.statusCode(), body, response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
