package org.casework.core.keys;

/**
 * Which key the database's encrypted fields are under, as recorded in {@code crypto_key_state}.
 *
 * @param keyId the key every field is under (see {@code FieldCipher.keyId()})
 * @param rotatingTo the key an unfinished rotation is moving the fields to, or null
 */
public record KeyState(String keyId, String rotatingTo) {

    /** Whether a server with this key may start on the database; refuses with what to do. */
    void requireServable(String configuredKeyId) {
        if (rotatingTo != null) {
            throw new KeyRefusedException("the database is in an unfinished key rotation from key id " + keyId
                    + " to " + rotatingTo + ": run rotate-key again with the same two keys to finish it"
                    + " before starting the server");
        }
        if (!keyId.equals(configuredKeyId)) {
            throw new KeyRefusedException("casework.crypto.key (CASEWORK_CRYPTO_KEY) has key id " + configuredKeyId
                    + ", but this database's fields are encrypted under key id " + keyId
                    + ": start with that key (after a rotation: the new key)");
        }
    }
}
