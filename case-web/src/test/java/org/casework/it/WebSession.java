package org.casework.it;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a browser: real HTTP with a cookie jar, the CSRF token read from each form, no
 * redirects followed (tests look at where they point). Optionally as another client address.
 */
public final class WebSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final HttpClient http;
    private final String base;
    private final String clientAddress;

    public WebSession(int port, String clientAddress) {
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.base = "http://localhost:" + port;
        this.clientAddress = clientAddress;
    }

    /** A response: status, body and headers. */
    public record Page(int status, String body, HttpResponse<String> raw) {
        public String location() {
            return raw.headers().firstValue("Location").orElse(null);
        }

        public List<String> headers(String name) {
            return raw.headers().allValues(name);
        }
    }

    /** Fills in the login form (reading its CSRF token first) and submits it. */
    public Page login(String username, String password) {
        return submit("/login", "/login", Map.of("username", username, "password", password));
    }

    public Page get(String path) {
        return send(request(path).GET().build());
    }

    /** A binary response (a PDF or a workbook): status, bytes and headers. */
    public record Download(int status, byte[] body, HttpResponse<byte[]> raw) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    public Download download(String path) {
        try {
            HttpResponse<byte[]> response =
                    http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Page get(String path, Map<String, String> headers) {
        HttpRequest.Builder builder = request(path);
        headers.forEach(builder::header);
        return send(builder.GET().build());
    }

    /** Opens the page of the form, reads its CSRF token and posts the fields to the action. */
    public Page submit(String formPage, String action, Map<String, String> fields) {
        Page form = get(formPage);
        Matcher m = CSRF.matcher(form.body());
        if (!m.find()) {
            throw new AssertionError("no CSRF token on " + formPage + " (" + form.status() + ")");
        }
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", m.group(1));
        String body = all.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(action)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        if (clientAddress != null) {
            builder.header("X-Forwarded-For", clientAddress);
        }
        return builder;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private Page send(HttpRequest request) {
        try {
            HttpResponse<String> response =
                    http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
