package org.casework.core.keys;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeyStateTest {

    @Test
    void aServerWithTheDatabasesKeyMayStart() {
        assertThatCode(() -> new KeyState("0a1b2c3d", null).requireServable("0a1b2c3d"))
                .doesNotThrowAnyException();
    }

    @Test
    void anotherKeyIsRefusedNamingBothKeyIds() {
        assertThatThrownBy(() -> new KeyState("0a1b2c3d", null).requireServable("ffffffff"))
                .isInstanceOf(KeyRefusedException.class)
                .hasMessageContaining("key id ffffffff")
                .hasMessageContaining("under key id 0a1b2c3d");
    }

    @Test
    void anUnfinishedRotationKeepsEveryKeyOut() {
        KeyState rotating = new KeyState("0a1b2c3d", "99887766");

        assertThatThrownBy(() -> rotating.requireServable("0a1b2c3d")).hasMessageContaining("unfinished key rotation");
        assertThatThrownBy(() -> rotating.requireServable("99887766")).hasMessageContaining("run rotate-key again");
    }
}
