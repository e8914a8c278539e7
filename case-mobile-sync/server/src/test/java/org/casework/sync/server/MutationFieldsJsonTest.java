package org.casework.sync.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.casework.core.shared.InvalidInputException;
import org.casework.sync.protocol.MutationKind;
import org.casework.sync.protocol.MutationPayload;
import org.casework.sync.protocol.MutationPayload.AddNote;
import org.casework.sync.protocol.MutationPayload.EditProfile;
import org.casework.sync.protocol.MutationPayload.LogVisit;
import org.casework.sync.protocol.MutationPayload.RaiseFlag;
import org.casework.sync.protocol.MutationPayload.RegisterChild;
import org.casework.sync.server.engine.DeviceMutation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The JSON of typed mutation payloads: the same wire format both ways, and a precise refusal per bad field. */
class MutationFieldsJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final UUID CHILD = UUID.fromString("0b8f6a2e-5d3c-4e1f-9a7b-2c4d6e8f0a1b");

    private static final RaiseFlag FLAG = new RaiseFlag(
            CHILD,
            null,
            null,
            null,
            null,
            "410225101201",
            "LIVING_ALONE",
            "RED",
            "独自在家三天",
            Instant.parse("2026-11-27T08:00:00Z"),
            "家中");

    @Test
    void everyKindGoesOutAndComesBackTheSame() {
        Map<String, Object> observations = new LinkedHashMap<>();
        observations.put("guardianPresent", true);
        observations.put("meals", 2);
        observations.put("mood", "平稳");
        Map<String, String> cleared = new LinkedHashMap<>();
        cleared.put("guardianPhone", "13912345678");
        cleared.put("school", null);
        for (MutationPayload payload : new MutationPayload[] {
            FLAG,
            new RaiseFlag(null, "小明", "MALE", 9, "王桂英 139", "410225101201", "NEGLECT", "YELLOW", "x", null, null),
            new LogVisit(CHILD, "HOME_VISIT", Instant.parse("2026-11-27T08:00:00Z"), 30, "在家", observations),
            new LogVisit(CHILD, "PHONE_CALL", Instant.parse("2026-11-27T08:00:00Z"), null, null, null),
            new AddNote(UUID.randomUUID(), "已电话联系"),
            new RegisterChild(
                    "王小红",
                    "FEMALE",
                    LocalDate.of(2018, 3, 1),
                    "410225101201",
                    null,
                    "未落户",
                    "王桂英",
                    "GRANDPARENT",
                    "13912345678",
                    "MIGRANT_WORKER",
                    "DECEASED",
                    "LEFT_BEHIND_CHILD"),
            new EditProfile(cleared, Map.of("guardianPhone", "13800000000", "school", "一中")),
            new EditProfile(Map.of("name", "王芳"), null)
        }) {
            ObjectNode mutation = mutation(payload.kind().wire());
            mutation.set("fields", MutationFieldsJson.writeFields(payload));
            if (payload instanceof EditProfile edit && edit.before() != null) {
                mutation.set("before", MutationFieldsJson.writeBefore(edit));
            }

            DeviceMutation read = MutationFieldsJson.read(JSON.readTree(mutation.toString()));

            assertThat(read.kind()).contains(payload.kind());
            assertThat(read.fields().payload(payload.kind())).isEqualTo(payload);
        }
    }

    @Test
    void theWireNamesAreTheProtocols() {
        ObjectNode fields = MutationFieldsJson.writeFields(FLAG);

        assertThat(fields.propertyNames()).isSubsetOf(MutationKind.RAISE_FLAG.fieldNames());
        assertThat(fields.toString())
                .isEqualTo("{\"clientId\":\"" + CHILD + "\",\"villageCode\":\"410225101201\",\"type\":\"LIVING_ALONE\","
                        + "\"severity\":\"RED\",\"description\":\"独自在家三天\",\"observedAt\":\"2026-11-27T08:00:00Z\","
                        + "\"observedPlace\":\"家中\"}");
    }

    @Test
    void numbersAndTrueFalseInTextFieldsAreReadAsTextAndBlankAsAbsent() {
        RegisterChild child = (RegisterChild)
                payload("REGISTER_CHILD", "{\"fullName\":\"王小红\",\"guardianPhone\":13912345678,\"idNumber\":\"  \"}");

        assertThat(child.guardianPhone()).isEqualTo("13912345678");
        assertThat(child.idNumber()).isNull();
        assertThat(((RaiseFlag) payload("RAISE_FLAG", "{\"subjectAgeYears\":\"9\"}")).subjectAgeYears())
                .isEqualTo(9);
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedNamingItsField() {
        assertRefused("RAISE_FLAG", "{\"subjectAgeYears\":\"nine\"}", "subjectAgeYears", "sync.field.invalid");
        assertRefused("RAISE_FLAG", "{\"subjectAgeYears\":9.5}", "subjectAgeYears", "sync.field.invalid");
        assertRefused("RAISE_FLAG", "{\"subjectAgeYears\":true}", "subjectAgeYears", "sync.field.invalid");
        assertRefused("RAISE_FLAG", "{\"clientId\":\"not-an-id\"}", "clientId", "sync.field.invalid");
        assertRefused("RAISE_FLAG", "{\"observedAt\":1764230400}", "observedAt", "sync.field.invalid");
        assertRefused("RAISE_FLAG", "{\"description\":{\"text\":\"x\"}}", "description", "sync.field.invalid");
        assertRefused("ADD_NOTE", "{\"text\":[\"a\",\"b\"]}", "text", "sync.field.invalid");
        assertRefused("REGISTER_CHILD", "{\"birthDate\":\"2018-02-30\"}", "birthDate", "sync.field.invalid");
        assertRefused("LOG_VISIT", "{\"observations\":\"calm\"}", "observations", "service.observations.notObject");
        assertRefused("EDIT_PROFILE", "{\"school\":{\"name\":\"一中\"}}", "school", "sync.field.invalid");
    }

    @Test
    void anUnknownOrNotEditableFieldIsRefused() {
        assertRefused("RAISE_FLAG", "{\"clientID\":\"" + CHILD + "\"}", "clientID", "sync.field.unknown");
        assertRefused("EDIT_PROFILE", "{\"idNumber\":\"410225201801010022\"}", "idNumber", "sync.field.notEditable");
        String longName = "x".repeat(500);
        assertThatThrownBy(() -> payload("ADD_NOTE", "{\"" + longName + "\":1}"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.getField()).hasSize(50));
    }

    @Test
    void aTextOverTheLimitIsRefusedStatingTheLimit() {
        String text = "长".repeat(MutationFieldsJson.MAX_TEXT_LENGTH + 1);

        assertThatThrownBy(() -> payload("ADD_NOTE", "{\"text\":\"" + text + "\"}"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.getField()).isEqualTo("text");
                    assertThat(e.getMessageKey()).isEqualTo("sync.field.tooLong");
                    assertThat(e.getArguments()).containsExactly(MutationFieldsJson.MAX_TEXT_LENGTH);
                });
        assertThat(((AddNote) payload("ADD_NOTE", "{\"text\":\"" + text.substring(1) + "\"}")).text())
                .hasSize(MutationFieldsJson.MAX_TEXT_LENGTH);
    }

    @Test
    void anUnreadableIdOrCounterLeavesThemOutAndTheRestIsRefusedWithThePayload() {
        ObjectNode m = mutation("ADD_NOTE");
        m.put("id", "not-an-id");
        m.put("counter", "7");
        DeviceMutation read = MutationFieldsJson.read(m);
        assertThat(read.id()).isNull();
        assertThat(read.counter()).isNull();

        ObjectNode badEntity = mutation("ADD_NOTE");
        badEntity.put("entityId", 42);
        assertRefused(MutationFieldsJson.read(badEntity), "entityId", "sync.field.invalid");

        ObjectNode badFields = mutation("ADD_NOTE");
        badFields.set("fields", JSON.createArrayNode().add("text"));
        assertRefused(MutationFieldsJson.read(badFields), "fields", "sync.field.invalid");

        ObjectNode badVersion = mutation("EDIT_PROFILE");
        badVersion.put("baseVersion", "three");
        assertRefused(MutationFieldsJson.read(badVersion), "baseVersion", "sync.field.invalid");
    }

    @Test
    void aMutationThatIsNoObjectIsReadAsMalformed() {
        DeviceMutation read = MutationFieldsJson.read(JSON.readTree("\"RAISE_FLAG\""));

        assertThat(read.id()).isNull();
        assertThat(read.counter()).isNull();
        assertThat(read.kind()).isEmpty();
    }

    @Test
    void aVeryLongTypeIsKeptShortened() {
        ObjectNode m = mutation("X".repeat(10_000));

        assertThat(MutationFieldsJson.read(m).type()).hasSize(100);
        assertThat(MutationFieldsJson.read(m).kind()).isEmpty();
    }

    private static MutationPayload payload(String type, String fields) {
        ObjectNode m = mutation(type);
        m.set("fields", JSON.readTree(fields));
        DeviceMutation read = MutationFieldsJson.read(m);
        return read.fields().payload(read.kind().orElseThrow());
    }

    private static void assertRefused(String type, String fields, String field, String key) {
        assertThatThrownBy(() -> payload(type, fields))
                .as(type + " " + fields)
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.getField()).isEqualTo(field);
                    assertThat(e.getMessageKey()).isEqualTo(key);
                });
    }

    private static void assertRefused(DeviceMutation read, String field, String key) {
        assertThatThrownBy(() -> read.fields().payload(read.kind().orElseThrow()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.getField()).isEqualTo(field);
                    assertThat(e.getMessageKey()).isEqualTo(key);
                });
    }

    private static ObjectNode mutation(String type) {
        ObjectNode m = JSON.createObjectNode();
        m.put("id", UUID.randomUUID().toString());
        m.put("counter", 1);
        m.put("type", type);
        m.put("entityId", UUID.randomUUID().toString());
        m.putNull("baseVersion");
        m.set("fields", JSON.createObjectNode());
        m.putNull("before");
        m.put("at", "2026-11-27T08:00:00Z");
        return m;
    }
}
