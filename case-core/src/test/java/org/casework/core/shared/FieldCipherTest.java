package org.casework.core.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.IntStream;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class FieldCipherTest {

    private static final byte[] KEY = testKey();
    private static final String KEY_BASE64 = Base64.getEncoder().encodeToString(KEY);
    private static final String OTHER_KEY_BASE64 = Base64.getEncoder().encodeToString(new byte[32]);

    private final FieldCipher cipher = new FieldCipher(KEY_BASE64);

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "110105194912310021", "张伟 住在 河南省新乡县", "𠮷野家 🙂"})
    void decryptReturnsWhatWasEncrypted(String plain) {
        assertThat(cipher.decrypt(cipher.encrypt(plain))).isEqualTo(plain);
    }

    @Test
    void roundTripsLongText() {
        String notes = "家访记录：".repeat(2_000);

        assertThat(cipher.decrypt(cipher.encrypt(notes))).isEqualTo(notes);
    }

    @Test
    void nullPassesThrough() {
        assertThat(cipher.encrypt(null)).isNull();
        assertThat(cipher.decrypt(null)).isNull();
        assertThat(cipher.blindIndex(null)).isNull();
    }

    @Test
    void encryptingTheSameValueTwiceGivesDifferentCiphertexts() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            seen.add(cipher.encrypt("110105194912310021"));
        }

        assertThat(seen).hasSize(100);
    }

    @Test
    void ciphertextDoesNotRevealThePlainText() {
        String stored = cipher.encrypt("13812345678");

        assertThat(stored).doesNotContain("13812345678");
        assertThat(new String(Base64.getDecoder().decode(stored), StandardCharsets.ISO_8859_1))
                .doesNotContain("13812345678");
    }

    @Test
    void storedFormIsFormatThenKeyIdThenIvThenCiphertextAndTag() {
        byte[] stored = Base64.getDecoder().decode(cipher.encrypt("张伟"));

        assertThat(stored[0]).isEqualTo((byte) 2);
        assertThat(HexFormat.of().formatHex(stored, 1, 5)).isEqualTo(cipher.keyId());
        assertThat(stored).hasSize(1 + 4 + 12 + "张伟".getBytes(StandardCharsets.UTF_8).length + 16);
    }

    @Test
    void decryptsValuesWrittenInTheDocumentedFormat() throws Exception {
        // Built with the JDK directly, so a change to the stored format (which would make existing
        // rows unreadable) fails here rather than in production.
        byte[] iv = HexFormat.of().parseHex("000102030405060708090a0b");
        byte[] header = new byte[5];
        header[0] = 2;
        System.arraycopy(Arrays.copyOf(hmac(KEY, "key-id"), 4), 0, header, 1, 4);
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(KEY, "AES"), new GCMParameterSpec(128, iv));
        aes.updateAAD(header);
        byte[] sealed = aes.doFinal("欧阳娜娜".getBytes(StandardCharsets.UTF_8));
        byte[] stored = new byte[header.length + iv.length + sealed.length];
        System.arraycopy(header, 0, stored, 0, header.length);
        System.arraycopy(iv, 0, stored, header.length, iv.length);
        System.arraycopy(sealed, 0, stored, header.length + iv.length, sealed.length);

        assertThat(cipher.decrypt(Base64.getEncoder().encodeToString(stored))).isEqualTo("欧阳娜娜");
    }

    @Test
    void stillDecryptsValuesWrittenBeforeKeyIdsExisted() throws Exception {
        // Format 1 (no key id): every row written before key rotation existed must stay readable.
        String stored = Base64.getEncoder().encodeToString(legacy(KEY, "欧阳娜娜"));

        assertThat(cipher.decrypt(stored)).isEqualTo("欧阳娜娜");
        assertThat(cipher.isUnderThisKey(stored)).isFalse();
    }

    @Test
    void keyIdIsEightHexDigitsDerivedFromTheKey() throws Exception {
        assertThat(cipher.keyId())
                .matches("[0-9a-f]{8}")
                .isEqualTo(HexFormat.of().formatHex(Arrays.copyOf(hmac(KEY, "key-id"), 4)))
                .isEqualTo(new FieldCipher(KEY_BASE64).keyId())
                .isNotEqualTo(new FieldCipher(OTHER_KEY_BASE64).keyId());
    }

    @Test
    void knowsWhichValuesAreUnderItsKey() {
        assertThat(cipher.isUnderThisKey(cipher.encrypt("13812345678"))).isTrue();
        assertThat(cipher.isUnderThisKey(new FieldCipher(OTHER_KEY_BASE64).encrypt("13812345678")))
                .isFalse();
        assertThat(cipher.isUnderThisKey(null)).isFalse();
        assertThat(cipher.isUnderThisKey("not base64!")).isFalse();
    }

    @Test
    void detectsAlterationOfAnyByte() {
        byte[] stored = Base64.getDecoder().decode(cipher.encrypt("410225198501011236"));
        for (int i = 0; i < stored.length; i++) {
            byte[] tampered = stored.clone();
            tampered[i] ^= 0x01;
            String altered = Base64.getEncoder().encodeToString(tampered);

            assertThatThrownBy(() -> cipher.decrypt(altered))
                    .as("byte %d flipped", i)
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void detectsTruncation() {
        byte[] stored = Base64.getDecoder().decode(cipher.encrypt("13812345678"));
        for (int length = 0; length < stored.length; length++) {
            byte[] shorter = java.util.Arrays.copyOf(stored, length);
            String cut = Base64.getEncoder().encodeToString(shorter);

            assertThatThrownBy(() -> cipher.decrypt(cut))
                    .as("truncated to %d bytes", length)
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void refusesValueEncryptedUnderAnotherKeyNamingBothKeyIds() {
        FieldCipher other = new FieldCipher(OTHER_KEY_BASE64);
        String stored = other.encrypt("13812345678");

        assertThatThrownBy(() -> cipher.decrypt(stored))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("key id " + other.keyId())
                .hasMessageContaining(cipher.keyId());
    }

    @Test
    void refusesAnOldFormatValueEncryptedUnderAnotherKey() throws Exception {
        String stored = Base64.getEncoder().encodeToString(legacy(new byte[32], "13812345678"));

        assertThatThrownBy(() -> cipher.decrypt(stored))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("authentication");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64 at all!", "13812345678", "张伟"})
    void refusesValuesThatWereNeverEncrypted(String stored) {
        assertThatThrownBy(() -> cipher.decrypt(stored)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void isSafeToShareBetweenThreads() {
        assertThat(IntStream.range(0, 2_000)
                        .parallel()
                        .mapToObj(i -> "client-" + i)
                        .allMatch(plain -> plain.equals(cipher.decrypt(cipher.encrypt(plain)))))
                .isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "not*base64"})
    void refusesMissingOrUnreadableKey(String key) {
        assertThatThrownBy(() -> new FieldCipher(key))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("casework.crypto.key");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 16, 24, 31, 33, 64})
    void refusesKeyOfWrongLength(int length) {
        String key = Base64.getEncoder().encodeToString(new byte[length]);

        assertThatThrownBy(() -> new FieldCipher(key))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("casework.crypto.key")
                .hasMessageContaining("32 bytes");
    }

    @Test
    void keyErrorMessageDoesNotEchoTheKey() {
        String shortKey = Base64.getEncoder().encodeToString("sixteen byte key".getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> new FieldCipher(shortKey))
                .satisfies(
                        e -> assertThat(e.getMessage()).doesNotContain(shortKey).doesNotContain("sixteen"));
    }

    @Test
    void acceptsKeyWithTrailingNewline() {
        FieldCipher fromFile = new FieldCipher(KEY_BASE64 + "\n");

        assertThat(fromFile.decrypt(cipher.encrypt("张伟"))).isEqualTo("张伟");
    }

    @Test
    void blindIndexIsDeterministicLowerCaseHex() {
        String index = cipher.blindIndex("110105194912310021");

        assertThat(index).matches("[0-9a-f]{64}");
        assertThat(new FieldCipher(KEY_BASE64).blindIndex("110105194912310021")).isEqualTo(index);
    }

    @Test
    void blindIndexDiffersBetweenValues() {
        assertThat(cipher.blindIndex("13812345678")).isNotEqualTo(cipher.blindIndex("13812345679"));
    }

    @Test
    void blindIndexDependsOnTheKey() {
        assertThat(new FieldCipher(OTHER_KEY_BASE64).blindIndex("13812345678"))
                .isNotEqualTo(cipher.blindIndex("13812345678"));
    }

    @Test
    void blindIndexUsesASubkeyDerivedFromTheMasterKey() throws Exception {
        // Pins the derivation: changing it would orphan every stored index.
        byte[] subkey = hmac(KEY, "blind-index");
        String expected = HexFormat.of().formatHex(hmac(subkey, "13812345678"));

        assertThat(cipher.blindIndex("13812345678"))
                .isEqualTo(expected)
                .isNotEqualTo(HexFormat.of().formatHex(hmac(KEY, "13812345678")));
    }

    /** A value in format 1 (format byte, IV, ciphertext and tag), as stored before key ids. */
    private static byte[] legacy(byte[] key, String plain) throws Exception {
        byte[] iv = HexFormat.of().parseHex("0b0a09080706050403020100");
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        aes.updateAAD(new byte[] {1});
        byte[] sealed = aes.doFinal(plain.getBytes(StandardCharsets.UTF_8));
        byte[] stored = new byte[1 + iv.length + sealed.length];
        stored[0] = 1;
        System.arraycopy(iv, 0, stored, 1, iv.length);
        System.arraycopy(sealed, 0, stored, 1 + iv.length, sealed.length);
        return stored;
    }

    private static byte[] testKey() {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (i * 7 + 3);
        }
        return key;
    }

    private static byte[] hmac(byte[] key, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    }
}
