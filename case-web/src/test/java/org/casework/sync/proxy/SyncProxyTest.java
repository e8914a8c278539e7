package org.casework.sync.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The proxy against a tiny echo server. Timing assertions are lower bounds only (a loaded machine is
 * slower, never faster, than the link allows), so they cannot flake on a busy build machine.
 */
class SyncProxyTest {

    private ServerSocket echo;
    private final AtomicLong echoed = new AtomicLong();
    private final CountDownLatch serverSawClose = new CountDownLatch(1);

    @BeforeEach
    void startEcho() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!echo.isClosed()) {
                try {
                    Socket socket = echo.accept();
                    Thread worker = new Thread(() -> echoUntilClosed(socket));
                    worker.setDaemon(true);
                    worker.start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void echoUntilClosed(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                socket.getOutputStream().write(buffer, 0, n);
                echoed.addAndGet(n);
            }
        } catch (IOException e) {
            // a reset is a close too
        }
        serverSawClose.countDown();
    }

    @AfterEach
    void stopEcho() throws IOException {
        echo.close();
    }

    private SyncProxy proxy(LinkProfile profile) throws IOException {
        return SyncProxy.start("127.0.0.1", echo.getLocalPort(), profile);
    }

    @Test
    void bandwidthShapingTakesAtLeastTheTransferTimeAndCountsBytesExactly() throws Exception {
        // 32 kbit/s up, 64 down: 8,000 bytes need 2 s up then at least 1 s more down (pipelined).
        LinkProfile slow = new LinkProfile("test", 32, 64, Duration.ZERO, 0);
        byte[] payload = new byte[8_000];
        try (SyncProxy proxy = proxy(slow);
                Socket socket = new Socket("127.0.0.1", proxy.port())) {
            long start = System.nanoTime();
            socket.getOutputStream().write(payload);
            socket.shutdownOutput();
            byte[] back = socket.getInputStream().readAllBytes();
            double seconds = (System.nanoTime() - start) / 1e9;

            assertThat(back).hasSize(payload.length);
            assertThat(seconds).isGreaterThanOrEqualTo(0.95 * LinkProfile.transferSeconds(payload.length, 32));
            awaitCounters(proxy, 8_000, 8_000);
            assertThat(proxy.counters().bytesUp()).isEqualTo(8_000);
            assertThat(proxy.counters().bytesDown()).isEqualTo(8_000);
            assertThat(proxy.counters().connections()).isEqualTo(1);
        }
    }

    @Test
    void latencyAddsAtLeastTheConfiguredDelayEachWay() throws Exception {
        LinkProfile far = new LinkProfile("test", 0, 0, Duration.ofMillis(150), 0);
        try (SyncProxy proxy = proxy(far);
                Socket socket = new Socket("127.0.0.1", proxy.port())) {
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                socket.getOutputStream().write('x');
                assertThat(socket.getInputStream().read()).isEqualTo('x');
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            }
        }
    }

    @Test
    void aNewConnectionPaysOneRoundTripBeforeItsFirstByteArrives() throws Exception {
        LinkProfile far = new LinkProfile("test", 0, 0, Duration.ofMillis(100), 0);
        try (SyncProxy proxy = proxy(far)) {
            long start = System.nanoTime();
            try (Socket socket = new Socket("127.0.0.1", proxy.port())) {
                socket.getOutputStream().write('x');
                assertThat(socket.getInputStream().read()).isEqualTo('x');
            }
            // handshake (2 × 100 ms) + there (100 ms) + back (100 ms)
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        }
    }

    @Test
    void countsHttpRequestLinesOnAKeepAliveConnection() throws Exception {
        String requests = "GET /api/v1/clients/1 HTTP/1.1\r\nHost: x\r\n\r\n"
                + "POST /api/v1/services HTTP/1.1\r\nHost: x\r\nContent-Length: 30\r\n\r\n"
                + "{\"notes\":\"GET / HTTP/1.1 no\"}\n"
                + "PUT /api/v1/clients/2 HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\n"
                + "{\"a\":\"b\"}  " // no final newline: the next request line follows on the same line
                + "GET /api/v1/clients?page=1 HTTP/1.1\r\nHost: x\r\n\r\n";
        byte[] bytes = requests.getBytes(StandardCharsets.UTF_8);
        try (SyncProxy proxy = proxy(LinkProfile.UNLIMITED);
                Socket socket = new Socket("127.0.0.1", proxy.port())) {
            socket.getOutputStream().write(bytes);
            socket.getInputStream().readNBytes(bytes.length);
            awaitCounters(proxy, bytes.length, bytes.length);
            assertThat(proxy.counters().requests()).isEqualTo(4);
            assertThat(proxy.counters().bytesUp()).isEqualTo(bytes.length);
        }
    }

    @Test
    void cutAllClosesBothSides() throws Exception {
        try (SyncProxy proxy = proxy(LinkProfile.UNLIMITED);
                Socket socket = new Socket("127.0.0.1", proxy.port())) {
            socket.getOutputStream().write("hello".getBytes(StandardCharsets.UTF_8));
            assertThat(socket.getInputStream().readNBytes(5)).hasSize(5);
            assertThat(proxy.openConnections()).isEqualTo(1);

            proxy.cutAll();

            assertThat(readToEndOrReset(socket.getInputStream())).isEmpty();
            assertThat(serverSawClose.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(proxy.openConnections()).isZero();
        }
    }

    @Test
    void cutAfterNBytesTruncatesTheResponseThenClosesBothSides() throws Exception {
        byte[] payload = new byte[10_000];
        try (SyncProxy proxy = proxy(LinkProfile.UNLIMITED)) {
            proxy.cutNextConnectionAfter(3_000);
            try (Socket socket = new Socket("127.0.0.1", proxy.port())) {
                socket.getOutputStream().write(payload);
                byte[] received = readToEndOrReset(socket.getInputStream());
                assertThat(received).hasSize(3_000);
                assertThat(proxy.counters().bytesDown()).isEqualTo(3_000);
                assertThat(serverSawClose.await(5, TimeUnit.SECONDS)).isTrue();
            }
            // one-shot: the next connection is whole again
            try (Socket socket = new Socket("127.0.0.1", proxy.port())) {
                socket.getOutputStream().write(payload);
                socket.shutdownOutput();
                assertThat(socket.getInputStream().readAllBytes()).hasSize(payload.length);
            }
        }
    }

    @Test
    void aProfileWithCutCutsEveryConnection() throws Exception {
        try (SyncProxy proxy = proxy(LinkProfile.UNLIMITED.withCutAfterDownBytes(100))) {
            for (int i = 0; i < 2; i++) {
                try (Socket socket = new Socket("127.0.0.1", proxy.port())) {
                    socket.getOutputStream().write(new byte[500]);
                    assertThat(readToEndOrReset(socket.getInputStream())).hasSize(100);
                }
            }
        }
    }

    private static byte[] readToEndOrReset(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
            }
        } catch (SocketException e) {
            // a reset after the cut: what arrived before it is what counts
        }
        return out.toByteArray();
    }

    private static void awaitCounters(SyncProxy proxy, long up, long down) {
        // the writer thread adds to the counter right after the write the client may already have read
        Awaitility.await("the proxy's byte counters")
                .atMost(Duration.ofSeconds(2))
                .until(() ->
                        proxy.counters().bytesUp() >= up && proxy.counters().bytesDown() >= down);
    }
}
