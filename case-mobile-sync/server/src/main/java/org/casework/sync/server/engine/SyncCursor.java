package org.casework.sync.server.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.casework.core.shared.InvalidInputException;

/**
 * Where a device is, encoded in its opaque cursor: the change log sequence it has read up to, and
 * — while an initial sync, a new scope or a resync is paging — which scope keys still have to be
 * sent in full and where in them the last page stopped (scope, record type, last id). A resumed
 * initial sync continues from there instead of starting over.
 */
public record SyncCursor(long seq, List<String> snapshot, int typeIndex, String afterId) {

    private static final String VERSION = "1";

    public SyncCursor {
        snapshot = List.copyOf(snapshot);
    }

    public boolean snapshotting() {
        return !snapshot.isEmpty();
    }

    public String encode() {
        String text = String.join(
                ";",
                VERSION,
                Long.toString(seq),
                String.join(",", snapshot),
                Integer.toString(typeIndex),
                afterId == null ? "" : afterId);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a cursor the server gave out; anything else is refused as bad input. */
    public static SyncCursor decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = text.split(";", -1);
            if (parts.length != 5 || !VERSION.equals(parts[0])) {
                throw new IllegalArgumentException(text);
            }
            List<String> snapshot = new ArrayList<>();
            for (String key : parts[2].split(",")) {
                if (!key.isBlank()) {
                    snapshot.add(key);
                }
            }
            long seq = Long.parseLong(parts[1]);
            int typeIndex = Integer.parseInt(parts[3]);
            if (seq < 0 || typeIndex < 0) {
                throw new IllegalArgumentException(text);
            }
            return new SyncCursor(seq, snapshot, typeIndex, parts[4].isEmpty() ? null : parts[4]);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("cursor", "sync.cursor.invalid");
        }
    }
}
