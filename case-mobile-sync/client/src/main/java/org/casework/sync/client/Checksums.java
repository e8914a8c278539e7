package org.casework.sync.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.List;

/** Per-scope checksums of protocol §2.3. */
public final class Checksums {

    private Checksums() {}

    /**
     * Lowercase hex SHA-256 of the lines {@code t:id:v\n} sorted by t, then id. Only records with a
     * server version count: work created offline is not on the server's side of the comparison.
     */
    public static String of(List<StoredRecord> records) {
        StringBuilder lines = new StringBuilder();
        records.stream()
                .filter(r -> r.version() != null)
                .sorted(Comparator.comparing(StoredRecord::type).thenComparing(StoredRecord::id))
                .forEach(r -> lines.append(r.type())
                        .append(':')
                        .append(r.id())
                        .append(':')
                        .append(r.version())
                        .append('\n'));
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(lines.toString().getBytes(StandardCharsets.UTF_8));
            // by hand rather than HexFormat, which older Android runtimes lack
            StringBuilder hex = new StringBuilder(64);
            for (byte b : digest) {
                hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
