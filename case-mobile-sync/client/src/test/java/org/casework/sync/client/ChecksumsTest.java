package org.casework.sync.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChecksumsTest {

    static StoredRecord record(String t, String id, Long v) {
        return new StoredRecord(t, id, "410225101201", v, Json.object(), SyncState.SYNCED, null);
    }

    /**
     * Computed by hand with {@code printf 'client:7d1f…0001:4\nclient:9a00…0002:0\nhousehold:5c3e…0003:2\n
     * visitDue:7d1f…0001:7\n' | sha256sum}: lines t:id:v, sorted by t then id, each ending in \n.
     */
    @Test
    void matchesTheProtocolFormulaComputedByHand() {
        List<StoredRecord> unsorted = List.of(
                record("visitDue", "7d1f6a2e-0000-4000-8000-000000000001", 7L),
                record("household", "5c3e0b11-0000-4000-8000-000000000003", 2L),
                record("client", "9a00c1d2-0000-4000-8000-000000000002", 0L),
                record("client", "7d1f6a2e-0000-4000-8000-000000000001", 4L));

        assertThat(Checksums.of(unsorted))
                .isEqualTo("373a6191c49831fa1ac76fb6b7c8b5ae0b362c86490a5c9fb49e31032a32446b");
    }

    @Test
    void anEmptyScopeIsTheHashOfNothing() {
        assertThat(Checksums.of(List.of()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void workTheServerHasNotSentDoesNotCount() {
        List<StoredRecord> withLocalOnly = List.of(
                record("client", "7d1f6a2e-0000-4000-8000-000000000001", 4L), record("flag", "local-new-flag", null));

        assertThat(Checksums.of(withLocalOnly))
                .isEqualTo(Checksums.of(List.of(record("client", "7d1f6a2e-0000-4000-8000-000000000001", 4L))));
    }
}
