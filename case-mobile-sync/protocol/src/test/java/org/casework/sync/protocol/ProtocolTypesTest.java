package org.casework.sync.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The typed enums and payloads and the names they stand for cannot drift apart: one of each, both
 * ways.
 */
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
    void everyMutationKindHasItsOwnPayloadRecord() {
        List<Class<?>> types = Arrays.stream(MutationKind.values())
                .<Class<?>>map(MutationKind::payloadType)
                .toList();
        assertThat(types)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrder(MutationPayload.class.getPermittedSubclasses());
        for (MutationKind kind : MutationKind.values()) {
            assertThat(kind.payloadType().isRecord()).as(kind.name()).isTrue();
            assertThat(kind.fieldNames()).as(kind.name()).isNotEmpty();
        }
    }

    /** A creation's record components are its wire names, in order: a field added on one side only fails. */
    @Test
    void aCreationsPayloadComponentsAreItsWireFieldNames() {
        for (MutationKind kind : MutationKind.values()) {
            if (kind == MutationKind.EDIT_PROFILE) {
                continue;
            }
            assertThat(Arrays.stream(kind.payloadType().getRecordComponents()).map(RecordComponent::getName))
                    .as(kind.name())
                    .containsExactlyElementsOf(kind.fieldNames());
        }
        assertThat(MutationKind.EDIT_PROFILE.fieldNames()).isEqualTo(SyncNames.EDITABLE_PROFILE_FIELDS);
        assertThat(SyncNames.MUTATION_FIELDS)
                .containsOnlyKeys(ProtocolScript.groups().get("MutationType").values());
    }

    @Test
    void aPayloadNamesItsKind() {
        assertThat(new MutationPayload.AddNote(null, "x").kind()).isEqualTo(MutationKind.ADD_NOTE);
        assertThat(new MutationPayload.RaiseFlag(null, null, null, null, null, null, null, null, null, null, null)
                        .kind())
                .isEqualTo(MutationKind.RAISE_FLAG);
        assertThat(new MutationPayload.EditProfile(Map.of("name", "王芳"), null).kind())
                .isEqualTo(MutationKind.EDIT_PROFILE);
    }

    @Test
    void aProfileEditCarriesOnlyEditableFieldsAndMayClearOne() {
        Map<String, String> cleared = new HashMap<>();
        cleared.put("school", null);
        assertThat(new MutationPayload.EditProfile(cleared, Map.of("school", "一中")).values())
                .containsEntry("school", null);
        assertThatThrownBy(() -> new MutationPayload.EditProfile(Map.of("idNumber", "1"), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A pulled record's components are its wire names, in order, for every record type but scope and note. */
    @Test
    void everyPulledRecordTypeHasItsRecordWithTheWireFieldNames() {
        assertThat(PulledRecord.TYPES.values())
                .containsExactlyInAnyOrderElementsOf(ProtocolScript.groups().get("RecordType").values().stream()
                        .filter(t -> !t.equals(SyncNames.RecordType.SCOPE) && !t.equals(SyncNames.RecordType.NOTE))
                        .toList());
        assertThat(new ArrayList<Class<?>>(PulledRecord.TYPES.keySet()))
                .containsExactlyInAnyOrder(PulledRecord.class.getPermittedSubclasses());
        for (Class<? extends Record> type : List.<Class<? extends Record>>of(
                PulledRecord.ClientRecord.class,
                PulledRecord.HouseholdRecord.class,
                PulledRecord.VisitDueRecord.class,
                PulledRecord.RecentVisit.class,
                PulledRecord.FlagRecord.class,
                PulledRecord.VisitRecord.class,
                PulledRecord.CaseRecord.class,
                PulledRecord.RegionRecord.class,
                PulledRecord.FlagTypeRecord.class,
                PulledRecord.VisitTypeRecord.class,
                PulledRecord.FormField.class,
                PulledRecord.StationRecord.class)) {
            assertThat(Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName))
                    .as(type.getSimpleName())
                    .containsExactlyElementsOf(PulledRecord.fieldNames(type));
        }
        assertThat(SyncNames.RECORD_FIELDS).hasSize(PulledRecord.TYPES.size() + PulledRecord.NESTED.size());
    }

    @Test
    void aClientRecordGivesTheValuesAnEditStartsFrom() {
        PulledRecord.ClientRecord child = new PulledRecord.ClientRecord(
                "王小红",
                "wangxiaohong",
                "wxh",
                "FEMALE",
                java.time.LocalDate.of(2016, 5, 1),
                "410225101201",
                null,
                null,
                List.of("LEFT_BEHIND_CHILD"),
                "4102**********0022",
                null,
                "王秀兰",
                "祖母",
                "13912345678",
                null,
                null,
                "WORKING_AWAY",
                null,
                "一中",
                null);

        assertThat(child.editable().keySet()).containsExactlyElementsOf(SyncNames.EDITABLE_PROFILE_FIELDS);
        assertThat(child.editable())
                .containsEntry("name", "王小红")
                .containsEntry("birthDate", "2016-05-01")
                .containsEntry("guardianPhone", "13912345678")
                .containsEntry("address", null);
    }

    /** §3 on the wire: nulls stay (cleared), except an object field; nested objects leave them out; ISO texts. */
    @Test
    void aPulledRecordsWireValuesAreItsFieldsByWireNameInOrder() {
        java.util.UUID client = java.util.UUID.fromString("7d1f6a2e-0000-4000-8000-0000000000c1");
        PulledRecord.FlagRecord flag = new PulledRecord.FlagRecord(
                client,
                null,
                "LIVING_ALONE",
                "RED",
                "TRIAGED",
                "DISMISSED",
                null,
                java.time.Instant.parse("2026-11-20T08:00:00.120Z"),
                null);
        assertThat(flag.wireValues().toString())
                .isEqualTo("{client=" + client + ", subjectName=null, type=LIVING_ALONE, severity=RED, status=TRIAGED,"
                        + " outcome=DISMISSED, outcomeReason=null, raisedAt=2026-11-20T08:00:00.120Z, triagedAt=null}");
        assertThat(flag.wireValues(List.of("triagedAt", "status", "nothing")).toString())
                .isEqualTo("{triagedAt=null, status=TRIAGED}");

        assertThat(new PulledRecord.VisitRecord(client, "HOME_VISIT", null, "入户", null)
                        .wireValues()
                        .keySet())
                .containsExactly("client", "type", "occurredAt", "notes");
        assertThat(new PulledRecord.VisitRecord(client, "HOME_VISIT", null, "入户", Map.of("mood", "好")).wireValues())
                .containsEntry("observations", Map.of("mood", "好"));

        PulledRecord.VisitTypeRecord visitType = new PulledRecord.VisitTypeRecord(
                "上门走访",
                "Home visit",
                List.of(
                        new PulledRecord.FormField("occurredAt", "datetime", true, null, null, null, null),
                        new PulledRecord.FormField("durationMinutes", "integer", false, 1L, 1440L, null, null)));
        assertThat(visitType.wireValues().toString())
                .isEqualTo("{zh=上门走访, en=Home visit, form=[{name=occurredAt, kind=datetime, required=true},"
                        + " {name=durationMinutes, kind=integer, required=false, min=1, max=1440}]}");
        PulledRecord.VisitDueRecord due = new PulledRecord.VisitDueRecord(
                client,
                "RED",
                java.time.LocalDate.of(2026, 12, 1),
                null,
                "LEVEL_INTERVAL",
                List.of(new PulledRecord.RecentVisit(java.time.LocalDate.of(2026, 11, 20), "HOME_VISIT", "张社工")));
        assertThat(due.wireValues().toString())
                .isEqualTo("{client=" + client + ", level=RED, nextDueOn=2026-12-01, lastVisitOn=null,"
                        + " rule=LEVEL_INTERVAL, recentVisits=[{on=2026-11-20, type=HOME_VISIT, by=张社工}]}");
    }

    @Test
    void theServerReadsTypesLeniently() {
        assertThat(MutationKind.parse(" edit_profile ")).contains(MutationKind.EDIT_PROFILE);
        assertThat(MutationKind.parse("DELETE_EVERYTHING")).isEqualTo(Optional.empty());
        assertThat(MutationKind.parse(null)).isEmpty();
    }
}
