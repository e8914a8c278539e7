package org.casework.core.shared;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts sensitive columns (identity numbers, phones) at rest with AES-256-GCM, so a leaked
 * database dump or backup does not expose them. Stored form: base64 of a format byte (2), the
 * 4-byte id of the key ({@link #keyId()}), a random 12-byte IV, and the ciphertext with its 16-byte
 * tag; format byte and key id are authenticated too. Values written before key ids existed (format
 * 1: format byte, IV, ciphertext) are still read, as being under this key.
 *
 * <p>The key id says which key a value is under, so a key rotation (re-encrypting every field under
 * a new key, see {@code org.casework.core.keys}) knows what is done and can resume, and a server
 * given the wrong key says so instead of failing on each row.
 *
 * <p>Because the IV is random, equal values encrypt differently and cannot be compared in SQL;
 * {@link #blindIndex(String)} gives a deterministic keyed hash for uniqueness constraints and
 * exact lookups instead.
 */
@Component
public class FieldCipher {

    /** Format 1: no key id (written before key rotation existed). */
    private static final byte LEGACY = 1;
    /** Format 2: with the key id. */
    private static final byte KEYED = 2;

    private static final int KEY_ID_LENGTH = 4;
    private static final int IV_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_LENGTH = 32;
    private static final String PROPERTY = "casework.crypto.key";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec indexKey;
    private final byte[] keyId;

    public FieldCipher(@Value("${casework.crypto.key}") String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalStateException(
                    PROPERTY + " is not set: it must be the base64 of 32 random bytes (openssl rand -base64 32)");
        }
        byte[] key;
        try {
            // strip(): keys pasted into environment variables or files often carry a newline
            key = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            // the cause is dropped on purpose: its message may quote part of the key
            throw new IllegalStateException(PROPERTY + " is not valid base64");
        }
        try {
            if (key.length != KEY_LENGTH) {
                throw new IllegalStateException(PROPERTY + " must decode to " + KEY_LENGTH
                        + " bytes for AES-256, but decodes to " + key.length);
            }
            encryptionKey = new SecretKeySpec(key, "AES");
            // A separate subkey, so the index hash and the cipher never use the same key material.
            indexKey = new SecretKeySpec(hmac(new SecretKeySpec(key, "HmacSHA256"), "blind-index"), "HmacSHA256");
            keyId = Arrays.copyOf(hmac(new SecretKeySpec(key, "HmacSHA256"), "key-id"), KEY_ID_LENGTH);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * The key's id: 8 hex digits derived from the key (an HMAC, so it reveals nothing of the key),
     * stored with every value and in the database's key record.
     */
    public String keyId() {
        return HexFormat.of().formatHex(keyId);
    }

    public String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        byte[] iv = new byte[IV_LENGTH];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, iv));
            byte[] header =
                    ByteBuffer.allocate(1 + KEY_ID_LENGTH).put(KEYED).put(keyId).array();
            // format byte and key id are authenticated too, so they cannot be altered to steer decryption
            cipher.updateAAD(header);
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            ByteBuffer out = ByteBuffer.allocate(header.length + IV_LENGTH + sealed.length);
            out.put(header).put(iv).put(sealed);
            return Base64.getEncoder().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Field encryption failed", e);
        }
    }

    /**
     * Whether the stored value carries this key's id: a rotation to this key has done it already.
     * A value of the old format (no id) is never counted as done.
     */
    public boolean isUnderThisKey(String stored) {
        if (stored == null) {
            return false;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(stored);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return bytes.length > 1 + KEY_ID_LENGTH
                && bytes[0] == KEYED
                && Arrays.equals(bytes, 1, 1 + KEY_ID_LENGTH, keyId, 0, KEY_ID_LENGTH);
    }

    /**
     * Throws {@link IllegalStateException} when the value was altered, truncated, or encrypted under
     * another key: returning garbage would silently corrupt case records.
     */
    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(stored);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Encrypted field is not valid base64");
        }
        int header;
        if (bytes.length > 0 && bytes[0] == LEGACY) {
            header = 1;
        } else if (bytes.length > 0 && bytes[0] == KEYED) {
            header = 1 + KEY_ID_LENGTH;
            if (bytes.length >= header && !Arrays.equals(bytes, 1, header, keyId, 0, KEY_ID_LENGTH)) {
                throw new IllegalStateException("Encrypted field is under key id "
                        + HexFormat.of().formatHex(bytes, 1, header) + ", not this server's key " + keyId()
                        + " (wrong casework.crypto.key, or an unfinished key rotation)");
            }
        } else if (bytes.length > 0) {
            throw new IllegalStateException("Encrypted field has unknown format version " + bytes[0]);
        } else {
            throw new IllegalStateException("Encrypted field is too short");
        }
        if (bytes.length < header + IV_LENGTH + TAG_BITS / 8) {
            throw new IllegalStateException("Encrypted field is too short");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, bytes, header, IV_LENGTH));
            cipher.updateAAD(bytes, 0, header);
            byte[] plain = cipher.doFinal(bytes, header + IV_LENGTH, bytes.length - header - IV_LENGTH);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encrypted field failed authentication (tampered or wrong key)", e);
        }
    }

    /**
     * Lower-case hex HMAC-SHA256 of the value under a key derived from the master key. Callers must
     * pass a canonical form (e.g. the 18-character identity number), since "x" and "X" hash apart.
     */
    public String blindIndex(String plain) {
        if (plain == null) {
            return null;
        }
        return HexFormat.of().formatHex(hmac(indexKey, plain));
    }

    private static byte[] hmac(SecretKeySpec key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
