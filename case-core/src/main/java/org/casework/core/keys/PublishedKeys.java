package org.casework.core.keys;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Keys nobody may use in production: the keys published in this repository (the embedded demo's
 * key, keys in tests and documentation), known by the SHA-256 of their bytes, and keys that were
 * obviously not drawn at random (text typed as a key, long runs of one byte). Anyone with the
 * repository could decrypt a database under such a key.
 *
 * <p>{@code PublishedKeysTest} scans the repository for base64 keys and fails until each one is
 * listed here (or is weak anyway), so a key pasted into a doc or a test cannot slip through.
 */
public final class PublishedKeys {

    private static final Set<String> PUBLISHED_SHA256 = Set.of(
            // application.yml: the embedded demo's key ("casework-demo-key-not-for-produc")
            "66303eb9b65a71b2b028bff050f470882c60b7173f9c352d9fb2344bc188ef41",
            // FieldCipherTest: bytes i * 7 + 3
            "ab5f8b5cb9435354c7b58603592d5faf081e17ceb05f7a7c67f4b666f12ca457");

    /** A random 32-byte key has about 30 distinct byte values; this few means it was made by hand. */
    private static final int MIN_DISTINCT_BYTES = 16;

    private PublishedKeys() {}

    /**
     * Why the key must not protect real data, or empty when nothing is known against it. Never
     * quotes the key.
     *
     * @param base64Key the configured key (already checked to be base64 of 32 bytes)
     */
    public static Optional<String> problem(String base64Key) {
        byte[] key = Base64.getDecoder().decode(base64Key.strip());
        if (PUBLISHED_SHA256.contains(sha256(key))) {
            return Optional.of("it is published in the Casework repository (the demo key or a test key):"
                    + " anyone can decrypt with it");
        }
        if (IntStream.range(0, key.length).map(i -> key[i] & 0xff).distinct().count() < MIN_DISTINCT_BYTES) {
            return Optional.of("it repeats a few byte values: it was not drawn at random");
        }
        if (IntStream.range(0, key.length).allMatch(i -> key[i] >= 0x20 && key[i] < 0x7f)) {
            return Optional.of("it is text, not random bytes (a random key is all printable about once in 10^13)");
        }
        return Optional.empty();
    }

    static String sha256(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
