package org.casework.sync.server.engine;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.casework.core.shared.InvalidInputException;
import org.casework.sync.protocol.SyncNames;
import org.junit.jupiter.api.Test;

/** The server takes the editable profile fields from the protocol module, and only those. */
class EditableFieldsTest {

    @Test
    void everyFieldTheProtocolListsMayBeEdited() {
        assertThatCode(() -> MutationService.checkEditable(Set.copyOf(SyncNames.EDITABLE_PROFILE_FIELDS)))
                .doesNotThrowAnyException();
    }

    @Test
    void aFieldTheProtocolDoesNotListIsRefused() {
        assertThatThrownBy(() -> MutationService.checkEditable(Set.of("name", "idNumber")))
                .isInstanceOf(InvalidInputException.class)
                .hasFieldOrPropertyWithValue("field", "idNumber");
    }
}
