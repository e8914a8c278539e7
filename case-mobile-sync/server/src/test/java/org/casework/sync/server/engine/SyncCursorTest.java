package org.casework.sync.server.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.casework.core.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class SyncCursorTest {

    @Test
    void aCursorRoundTripsWhereTheInitialSyncStopped() {
        SyncCursor cursor =
                new SyncCursor(42, List.of("410225101201", "ref"), 2, "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");
        SyncCursor back = SyncCursor.decode(cursor.encode());
        assertThat(back).isEqualTo(cursor);
        assertThat(back.snapshotting()).isTrue();
    }

    @Test
    void aSteadyCursorHasNoSnapshot() {
        SyncCursor back = SyncCursor.decode(new SyncCursor(7, List.of(), 0, null).encode());
        assertThat(back.seq()).isEqualTo(7);
        assertThat(back.snapshotting()).isFalse();
        assertThat(back.afterId()).isNull();
    }

    @Test
    void aForgedCursorIsRefusedAsBadInput() {
        assertThatThrownBy(() -> SyncCursor.decode("not a cursor")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> SyncCursor.decode("MjstMTs7MDs")).isInstanceOf(InvalidInputException.class);
    }
}
