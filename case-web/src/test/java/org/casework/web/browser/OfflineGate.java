package org.casework.web.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP gate in front of the server that can be shut like a phone losing its signal: while shut it
 * closes every connection at once, and it cuts the open ones when it shuts.
 *
 * <p>Why not DevTools alone: {@code Network.emulateNetworkConditions} applies to the target it is
 * sent to, the page. The service worker is a separate target, and its fetches (refreshing the
 * cached settings and text, the browser's update check of sw.js) are not covered: measured in the
 * offline journey, with the page emulated offline, about five connections still tried to reach the
 * server during the offline part (counted by {@link #refusedWhileShut()}). The gate cuts every
 * fetch of the browser, whoever makes it. The journeys use both: DevTools so that the page sees
 * {@code navigator.onLine} change and gets its online/offline events, the gate so that offline
 * really is offline.
 */
final class OfflineGate implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile boolean open = true;

    OfflineGate(int targetPort) {
        this.targetPort = targetPort;
        try {
            this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread accept = new Thread(this::accept, "offline-gate");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    void shut() {
        open = false;
        for (Socket s : sockets) {
            closeQuietly(s);
        }
        sockets.clear();
    }

    void open() {
        open = true;
    }

    int refusedWhileShut() {
        return refused.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;
            }
            if (!open) {
                refused.incrementAndGet();
                closeQuietly(client);
                continue;
            }
            try {
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(server);
                pipe(client, server);
                pipe(server, client);
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread t = new Thread(
                () -> {
                    byte[] buffer = new byte[16 * 1024];
                    try (InputStream in = from.getInputStream()) {
                        OutputStream out = to.getOutputStream();
                        int n;
                        while ((n = in.read(buffer)) >= 0) {
                            out.write(buffer, 0, n);
                            out.flush();
                        }
                        to.shutdownOutput();
                    } catch (IOException e) {
                        closeQuietly(to);
                    } finally {
                        sockets.remove(from);
                    }
                },
                "offline-gate-pipe");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already gone
        }
    }

    @Override
    public void close() {
        shut();
        try {
            listener.close();
        } catch (IOException e) {
            // nothing to do
        }
    }
}
