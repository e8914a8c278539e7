package org.casework.sync.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * An in-process TCP proxy between a simulated device and a server: shapes each direction to the
 * {@link LinkProfile}'s bandwidth (shared by all connections, as on one phone's radio link), adds
 * one-way latency without reducing throughput (chunks are queued with a delivery time), counts the
 * bytes it delivers and the HTTP requests it forwards, and can cut connections on demand.
 *
 * <p>Requests are counted by finding HTTP/1.x request lines ({@code METHOD target HTTP/1.x} + CRLF)
 * in the upstream stream, so keep-alive connections with several requests count right. A request
 * line may follow a body that has no final newline, so it is matched at the end of each line rather
 * than at its start; a JSON body cannot contain one (JSON strings cannot hold a raw CR LF). This
 * assumes plain HTTP/1.x (no TLS, no HTTP/2). Connections are counted separately.
 *
 * <p>A new connection costs one round trip (the TCP handshake) before its first byte reaches the
 * server, so peers that open a connection per request pay for it as they would on a real link.
 */
public final class SyncProxy implements AutoCloseable {

    /** About one TCP segment: small enough that shaping and cuts are precise to a packet. */
    private static final int CHUNK = 1460;

    private static final Pattern REQUEST_LINE =
            Pattern.compile("(GET|POST|PUT|DELETE|HEAD|PATCH|OPTIONS) /\\S* HTTP/1\\.[01]\r$");

    private final ServerSocket listener;
    private final String targetHost;
    private final int targetPort;
    private final Link up = new Link();
    private final Link down = new Link();
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong bytesUp = new AtomicLong();
    private final AtomicLong bytesDown = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private volatile LinkProfile profile;
    private volatile long cutNextAfter = -1;
    private volatile Trace trace = new Trace();

    private SyncProxy(String targetHost, int targetPort, LinkProfile profile) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.profile = profile;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon("sync-proxy-accept-" + listener.getLocalPort(), this::acceptLoop);
    }

    public static SyncProxy start(String targetHost, int targetPort, LinkProfile profile) throws IOException {
        return new SyncProxy(targetHost, targetPort, profile);
    }

    public int port() {
        return listener.getLocalPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public LinkProfile profile() {
        return profile;
    }

    /** Applies to chunks read from now on; chunks already queued keep their delivery time. */
    public void profile(LinkProfile profile) {
        this.profile = profile;
    }

    public Counters counters() {
        return new Counters(bytesUp.get(), bytesDown.get(), requests.get(), connections.get());
    }

    /**
     * Starts a new {@link Trace}: from now on the proxy stamps when connections open and when the
     * first and last bytes of each direction pass it, so a single-request sync can be split into
     * connection set-up, upload, server time, first-byte latency and streaming.
     */
    public Trace startTrace() {
        trace = new Trace();
        return trace;
    }

    public void resetCounters() {
        bytesUp.set(0);
        bytesDown.set(0);
        requests.set(0);
        connections.set(0);
    }

    /** Closes every open connection on both sides, as when the phone loses the cell. */
    public void cutAll() {
        open.forEach(Connection::close);
    }

    /** The next accepted connection is closed after {@code downBytes} bytes towards the device. */
    public void cutNextConnectionAfter(long downBytes) {
        cutNextAfter = downBytes;
    }

    public int openConnections() {
        return open.size();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        cutAll();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket device = listener.accept();
                Socket server = new Socket(targetHost, targetPort);
                device.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                connections.incrementAndGet();
                trace.connected();
                long cut = cutNextAfter;
                cutNextAfter = -1;
                if (cut < 0 && profile.cutAfterDownBytes() > 0) {
                    cut = profile.cutAfterDownBytes();
                }
                Connection connection = new Connection(device, server, cut);
                open.add(connection);
                connection.start();
            } catch (IOException e) {
                // listener closed, or the target refused: the device sees a closed connection
            }
        }
    }

    public record Counters(long bytesUp, long bytesDown, long requests, long connections) {
        public Counters minus(Counters before) {
            return new Counters(
                    bytesUp - before.bytesUp,
                    bytesDown - before.bytesDown,
                    requests - before.requests,
                    connections - before.connections);
        }
    }

    /**
     * Timestamps ({@link System#nanoTime()}, 0 = not seen) of one traced span; "first" is kept from
     * the first event, "last" is overwritten by every later one. Upstream bytes are stamped when the
     * proxy hands them to the server, downstream bytes when the server's byte reaches the proxy
     * ({@code downFirstRead}, the end of the server's work) and when it is handed to the device.
     */
    public static final class Trace {
        public final long startedAt = System.nanoTime();
        volatile long connectedAt;
        volatile long upFirstDelivered;
        volatile long upLastDelivered;
        volatile long downFirstRead;
        volatile long downFirstDelivered;
        volatile long downLastDelivered;

        public long connectedAt() {
            return connectedAt;
        }

        public long upFirstDelivered() {
            return upFirstDelivered;
        }

        public long upLastDelivered() {
            return upLastDelivered;
        }

        public long downFirstRead() {
            return downFirstRead;
        }

        public long downFirstDelivered() {
            return downFirstDelivered;
        }

        public long downLastDelivered() {
            return downLastDelivered;
        }

        synchronized void connected() {
            if (connectedAt == 0) {
                connectedAt = System.nanoTime();
            }
        }

        synchronized void upDelivered() {
            long now = System.nanoTime();
            if (upFirstDelivered == 0) {
                upFirstDelivered = now;
            }
            upLastDelivered = now;
        }

        synchronized void downRead() {
            if (downFirstRead == 0) {
                downFirstRead = System.nanoTime();
            }
        }

        synchronized void downDelivered() {
            long now = System.nanoTime();
            if (downFirstDelivered == 0) {
                downFirstDelivered = now;
            }
            downLastDelivered = now;
        }
    }

    /** One direction of the radio link: its serialisation schedule is shared by all connections. */
    private static final class Link {
        private long freeAtNanos;

        /** Reserves the link for {@code bytes} and returns when their last bit has left. */
        synchronized long reserve(int bytes, int kbps) {
            long now = System.nanoTime();
            long start = Math.max(now, freeAtNanos);
            freeAtNanos = kbps == 0 ? start : start + (long) (bytes * 8.0 * 1_000_000_000L / (kbps * 1000.0));
            return freeAtNanos;
        }
    }

    private record Chunk(byte[] data, long deliverAtNanos) {
        static final Chunk EOF = new Chunk(new byte[0], 0);
    }

    private final class Connection {
        private final Socket device;
        private final Socket server;
        private final long cutAfterDown;
        private final StringBuilder line = new StringBuilder();
        private final long acceptedAtNanos = System.nanoTime();
        private long deliveredDown;
        private int halfClosed;

        Connection(Socket device, Socket server, long cutAfterDown) {
            this.device = device;
            this.server = server;
            this.cutAfterDown = cutAfterDown;
        }

        void start() throws IOException {
            pump("up", device, server, true);
            pump("down", server, device, false);
        }

        /**
         * A reader that stamps each chunk with its delivery time and a writer that waits for it; the
         * bounded queue gives the sender back-pressure as a real link would.
         */
        private void pump(String direction, Socket from, Socket to, boolean upstream) throws IOException {
            BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(64);
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            String name = "sync-proxy-" + direction + "-" + from.getPort();
            daemon(name + "-read", () -> {
                byte[] buffer = new byte[CHUNK];
                try {
                    int n;
                    while ((n = in.read(buffer)) >= 0) {
                        if (!upstream) {
                            trace.downRead();
                        }
                        LinkProfile link = profile;
                        long oneWay = link.oneWayLatency().toNanos();
                        long sent = (upstream ? up : down).reserve(n, upstream ? link.upKbps() : link.downKbps());
                        if (upstream) {
                            // SYN, SYN-ACK: the device sends its first byte one round trip after connecting
                            sent = Math.max(sent, acceptedAtNanos + 2 * oneWay);
                        }
                        queue.put(new Chunk(Arrays.copyOf(buffer, n), sent + oneWay));
                    }
                    queue.put(Chunk.EOF);
                } catch (IOException | InterruptedException e) {
                    close();
                    queue.offer(Chunk.EOF);
                }
            });
            daemon(name + "-write", () -> {
                try {
                    while (true) {
                        Chunk chunk = queue.poll(1, TimeUnit.SECONDS);
                        if (chunk == null) {
                            if (to.isClosed()) {
                                return;
                            }
                            continue;
                        }
                        if (chunk == Chunk.EOF) {
                            halfClose(to);
                            return;
                        }
                        long wait = chunk.deliverAtNanos() - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                        if (upstream) {
                            out.write(chunk.data());
                            // requests first: a reader that sees the bytes arrive then sees their requests
                            countRequests(chunk.data());
                            bytesUp.addAndGet(chunk.data().length);
                            trace.upDelivered();
                        } else if (!deliverDown(out, chunk.data())) {
                            close();
                            return;
                        }
                    }
                } catch (IOException | InterruptedException e) {
                    close();
                }
            });
        }

        /** Writes a downstream chunk; false when the configured cut point was reached. */
        private boolean deliverDown(OutputStream out, byte[] data) throws IOException {
            int length = data.length;
            if (cutAfterDown >= 0 && deliveredDown + length >= cutAfterDown) {
                length = (int) (cutAfterDown - deliveredDown);
            }
            out.write(data, 0, length);
            out.flush();
            deliveredDown += length;
            bytesDown.addAndGet(length);
            trace.downDelivered();
            return length == data.length && deliveredDown != cutAfterDown;
        }

        private void countRequests(byte[] data) {
            // request lines are ASCII; ISO-8859-1 maps bytes 1:1 so a UTF-8 body cannot shift the parse
            for (char c : new String(data, StandardCharsets.ISO_8859_1).toCharArray()) {
                if (c == '\n') {
                    if (REQUEST_LINE.matcher(line).find()) {
                        requests.incrementAndGet();
                    }
                    line.setLength(0);
                } else {
                    line.append(c);
                    if (line.length() > 16_384) {
                        // a long body line: only its end can hold the next request line
                        line.delete(0, line.length() - 8_192);
                    }
                }
            }
        }

        /** HTTP needs half-close: a client may finish sending and still wait for the answer. */
        private synchronized void halfClose(Socket to) {
            try {
                to.shutdownOutput();
            } catch (IOException e) {
                // already closed
            }
            if (++halfClosed == 2) {
                close();
            }
        }

        void close() {
            open.remove(this);
            try {
                device.close();
            } catch (IOException e) {
                // closing anyway
            }
            try {
                server.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    private static void daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }
}
