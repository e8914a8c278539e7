package org.casework.sync.server.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.casework.sync.protocol.PulledRecord;
import org.junit.jupiter.api.Test;

/**
 * The fields a delta names (change log rows) are the wire names of the protocol's typed records:
 * a field renamed there cannot leave a delta naming a field no record has.
 */
class ChangeLogFieldsTest {

    @Test
    void deltasNameOnlyFieldsOfTheProtocolsRecords() {
        List<String> client = PulledRecord.fieldNames(PulledRecord.ClientRecord.class);
        ChangeLogListener.CLIENT_FIELDS
                .values()
                .forEach(names -> assertThat(client).containsAll(names));
        assertThat(client).contains(ChangeLogListener.SOME_CLIENT_FIELD);
        List<String> flag = PulledRecord.fieldNames(PulledRecord.FlagRecord.class);
        assertThat(flag).containsAll(ChangeLogListener.FLAG_TRIAGE_FIELDS);
        assertThat(flag).containsAll(ChangeLogListener.FLAG_ESCALATION_FIELDS);
        assertThat(PulledRecord.fieldNames(PulledRecord.HouseholdRecord.class))
                .containsAll(ChangeLogListener.HOUSEHOLD_MEMBER_FIELDS);
    }
}
