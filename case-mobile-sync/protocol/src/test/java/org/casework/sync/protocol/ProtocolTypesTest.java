package org.casework.sync.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The typed enums and the names they stand for cannot drift apart: one of each, both ways. */
class ProtocolTypesTest {

    @Test
    void everyMutationTypeNameHasExactlyOneKind() {
        assertThat(Arrays.stream(MutationKind.values()).map(MutationKind::wire))
                .containsExactlyInAnyOrderElementsOf(
                        ProtocolScript.groups().get("MutationType").values());
    }

    @Test
    void everyStatusNameHasExactlyOneStatus() {
        assertThat(Arrays.stream(ResultStatus.values()).map(ResultStatus::wire))
                .containsExactlyInAnyOrderElementsOf(
                        ProtocolScript.groups().get("Status").values());
        for (ResultStatus status : ResultStatus.values()) {
            assertThat(ResultStatus.fromWire(status.wire())).isEqualTo(status);
        }
    }

    @Test
    void everyOpNameHasExactlyOneOp() {
        assertThat(Arrays.stream(ChangeOp.values()).map(ChangeOp::wire))
                .containsExactlyInAnyOrderElementsOf(
                        ProtocolScript.groups().get("Op").values());
    }

    @Test
    void aMutationKindNamesARecordType() {
        for (MutationKind kind : MutationKind.values()) {
            assertThat(ProtocolScript.groups().get("RecordType").values()).contains(kind.recordType());
        }
    }

    @Test
    void theServerReadsTypesLeniently() {
        assertThat(MutationKind.parse(" edit_profile ")).contains(MutationKind.EDIT_PROFILE);
        assertThat(MutationKind.parse("DELETE_EVERYTHING")).isEqualTo(Optional.empty());
        assertThat(MutationKind.parse(null)).isEmpty();
    }
}
