package org.casework.sync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class HttpSyncTransportTest {

    /**
     * Registration and the first sync follow each other at once: the second request must go over the
     * first one's connection (a new one costs a TCP handshake, a whole round trip on 2G/3G). The
     * server sees one client port per connection.
     */
    @Test
    void consecutiveCallsReuseOneConnection() throws Exception {
        Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/sync/v1/", exchange -> {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            exchange.getRequestBody().readAllBytes();
            ByteArrayOutputStream gz = new ByteArrayOutputStream();
            try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
                out.write(("{\"ok\":\"" + "记录".repeat(5_000) + "\"}").getBytes(StandardCharsets.UTF_8));
            }
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            exchange.sendResponseHeaders(200, gz.size());
            try (OutputStream body = exchange.getResponseBody()) {
                gz.writeTo(body);
            }
        });
        server.start();
        try {
            HttpSyncTransport transport = new HttpSyncTransport(
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort()), Duration.ofSeconds(10), "zh-CN");
            for (int i = 0; i < 30; i++) {
                SyncTransport.Response response = transport.post("/sync", "{}", "token");
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.body()).startsWith("{\"ok\":\"记录");
            }
            assertThat(clientPorts).hasSize(1);
        } finally {
            server.stop(0);
        }
    }

    /**
     * A streamed answer (chunked, gzip sync-flushed as the server sends it) and a registration answer
     * read whole, one after the other 30 times: one connection, as long as each body is read to its end.
     */
    @Test
    void streamedAnswersReadToTheirEndLeaveTheConnectionForTheNextRequest() throws Exception {
        Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/sync/v1/", exchange -> {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            exchange.sendResponseHeaders(200, 0); // chunked
            try (GZIPOutputStream out = new GZIPOutputStream(exchange.getResponseBody(), true)) {
                out.write("{\"changes\":[".getBytes(StandardCharsets.UTF_8));
                for (int i = 0; i < 50; i++) {
                    out.write(("{\"n\":\"" + "记录".repeat(200) + "\"},").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                out.write("{}],\"cursor\":\"1\"}".getBytes(StandardCharsets.UTF_8));
            }
        });
        server.start();
        try {
            HttpSyncTransport transport = new HttpSyncTransport(
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort()), Duration.ofSeconds(10), "zh-CN");
            for (int i = 0; i < 30; i++) {
                assertThat(transport.post("/devices/refresh", "{}", null).body())
                        .endsWith("\"cursor\":\"1\"}");
                try (SyncTransport.StreamedResponse response = transport.stream("/sync", "{}", "token")) {
                    assertThat(response.status()).isEqualTo(200);
                    assertThat(response.readAll()).startsWith("{\"changes\":[{\"n\":\"记录");
                }
            }
            assertThat(clientPorts).hasSize(1);
        } finally {
            server.stop(0);
        }
    }

    /** The first gzip-flushed records can be read while the server still holds back the rest. */
    @Test
    void aStreamedBodyIsReadableBeforeTheServerHasSentItAll() throws Exception {
        String first = "{\"ack\":0,\"results\":[],\"changes\":[{\"t\":\"client\",\"id\":\"c1\"},";
        String rest = "{\"t\":\"client\",\"id\":\"c2\"}],\"cursor\":\"2\"}";
        CountDownLatch firstRead = new CountDownLatch(1);
        HttpServer server = holdingBack(first, firstRead, rest);
        try {
            HttpSyncTransport transport = new HttpSyncTransport(
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort()), Duration.ofSeconds(10), "zh-CN");
            try (SyncTransport.StreamedResponse response = transport.stream("/sync", "{}", "token")) {
                byte[] head = response.body().readNBytes(first.getBytes(StandardCharsets.UTF_8).length);
                assertThat(firstRead.getCount())
                        .as("the server still holds the rest")
                        .isEqualTo(1);
                assertThat(new String(head, StandardCharsets.UTF_8)).isEqualTo(first);
                firstRead.countDown();
                assertThat(response.readAll()).isEqualTo(rest);
            }
        } finally {
            server.stop(0);
        }
    }

    /**
     * A link that stalls in the middle of an answer (a phone at the edge of the signal) must not hold
     * the sync, and the store lock with it, for ever: the request's timeout covers only the wait for
     * the headers, so each read of the body has its own. Streamed and whole answers alike.
     */
    @Test
    void aBodyThatStopsArrivingFailsAfterTheTimeoutInsteadOfHangingTheSync() throws Exception {
        CountDownLatch release = new CountDownLatch(1); // the link goes quiet until the end of the test
        HttpServer server = holdingBack("{\"ack\":0,\"changes\":[", release, "");
        try {
            HttpSyncTransport transport = new HttpSyncTransport(
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort()), Duration.ofSeconds(1), "zh-CN");

            long start = System.nanoTime();
            assertThatThrownBy(() -> {
                        try (SyncTransport.StreamedResponse response = transport.stream("/sync", "{}", "token")) {
                            response.readAll();
                        }
                    })
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("no data");
            assertThatThrownBy(() -> transport.post("/sync", "{}", "token"))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("no data");
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .as("two stalled answers, 1 s each")
                    .isLessThan(Duration.ofSeconds(20));
        } finally {
            release.countDown();
            server.stop(0);
        }
    }

    /**
     * A server whose answer (chunked, gzip-flushed) sends {@code first}, waits for {@code release},
     * then sends {@code rest}.
     */
    private static HttpServer holdingBack(String first, CountDownLatch release, String rest) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/sync/v1/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            exchange.sendResponseHeaders(200, 0);
            try (GZIPOutputStream out = new GZIPOutputStream(exchange.getResponseBody(), true)) {
                out.write(first.getBytes(StandardCharsets.UTF_8));
                out.flush();
                release.await(60, TimeUnit.SECONDS);
                out.write(rest.getBytes(StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // the client gave up and closed the connection
            }
        });
        // a thread per exchange: a held-back answer does not hold the next request
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        return server;
    }
}
