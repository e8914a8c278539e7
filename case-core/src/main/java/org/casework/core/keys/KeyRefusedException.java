package org.casework.core.keys;

/** The configured key must not be used: the message says why and what to do, never the key. */
public class KeyRefusedException extends IllegalStateException {

    public KeyRefusedException(String reason) {
        super("Refusing the encryption key: " + reason);
    }
}
