package org.casework.sync.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
}
