package org.casework.core.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The ledger's lists go in and come out as lists; the column text keeps its old format. */
class SyncMutationTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

    @Test
    void aRefusalKeepsItsArgumentsAndFieldErrorsInOrder() {
        SyncMutation refused = SyncMutation.refused(
                UUID.randomUUID(),
                UUID.randomUUID(),
                3,
                "EDIT_PROFILE",
                "client",
                UUID.randomUUID(),
                "input.tooLong",
                List.of("name", "100", ""),
                List.of(
                        new SyncMutation.FieldError("name", "input.tooLong"),
                        new SyncMutation.FieldError("sex", "sync.field.invalid")),
                NOW);

        assertThat(refused.getStatus()).isEqualTo(SyncMutation.REJECTED);
        // a trailing empty argument is an argument too
        assertThat(refused.getMessageArgs()).containsExactly("name", "100", "");
        assertThat(refused.getErrors())
                .containsExactly(
                        new SyncMutation.FieldError("name", "input.tooLong"),
                        new SyncMutation.FieldError("sex", "sync.field.invalid"));
    }

    @Test
    void noArgumentsAndNoErrorsReadAsEmptyLists() {
        SyncMutation refused = SyncMutation.refused(
                UUID.randomUUID(),
                UUID.randomUUID(),
                1,
                "?",
                null,
                null,
                "sync.mutation.unknownType",
                List.of(),
                List.of(),
                NOW);
        SyncMutation applied = new SyncMutation(
                UUID.randomUUID(),
                UUID.randomUUID(),
                2,
                "ADD_NOTE",
                "APPLIED",
                "note",
                UUID.randomUUID(),
                0L,
                null,
                null,
                null,
                NOW);

        assertThat(refused.getMessageArgs()).isEmpty();
        assertThat(refused.getErrors()).isEmpty();
        assertThat(applied.getMessageArgs()).isEmpty();
        assertThat(applied.getErrors()).isEmpty();
    }
}
