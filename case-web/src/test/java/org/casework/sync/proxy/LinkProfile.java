package org.casework.sync.proxy;

import java.time.Duration;

/**
 * A simulated field link: bandwidth per direction, one-way latency (half the round trip) and an
 * optional cut of every connection after so many downstream bytes (a link that drops mid-response).
 *
 * @param upKbps device → server, kbit/s; 0 means unlimited
 * @param downKbps server → device, kbit/s; 0 means unlimited
 * @param oneWayLatency added to every chunk in each direction (RTT/2)
 * @param cutAfterDownBytes 0 for never; otherwise each connection is closed after that many bytes
 *     towards the device
 */
public record LinkProfile(String name, int upKbps, int downKbps, Duration oneWayLatency, long cutAfterDownBytes) {

    /** GPRS/EDGE as village rooms see it: 64 kbit/s down, 32 up, 600 ms round trip. */
    public static final LinkProfile TWO_G = new LinkProfile("2G", 32, 64, Duration.ofMillis(300), 0);

    /** A weak 3G/HSPA cell: 384 kbit/s down, 128 up, 200 ms round trip. */
    public static final LinkProfile THREE_G = new LinkProfile("3G", 128, 384, Duration.ofMillis(100), 0);

    public static final LinkProfile UNLIMITED = new LinkProfile("unlimited", 0, 0, Duration.ZERO, 0);

    public LinkProfile withCutAfterDownBytes(long bytes) {
        return new LinkProfile(name + "+cut@" + bytes, upKbps, downKbps, oneWayLatency, bytes);
    }

    /** Seconds that {@code bytes} need at {@code kbps} (0 = unlimited); the floor no protocol beats. */
    public static double transferSeconds(long bytes, int kbps) {
        return kbps == 0 ? 0 : bytes * 8.0 / (kbps * 1000.0);
    }
}
