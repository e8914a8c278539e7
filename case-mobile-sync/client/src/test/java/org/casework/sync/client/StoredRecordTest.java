package org.casework.sync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.casework.sync.client.OfflineEdits.FlagReport;
import org.casework.sync.client.OfflineEdits.VisitLog;
import org.casework.sync.protocol.MutationPayload.RegisterChild;
import org.casework.sync.protocol.PulledRecord.CaseRecord;
import org.casework.sync.protocol.PulledRecord.ClientRecord;
import org.casework.sync.protocol.PulledRecord.FlagRecord;
import org.casework.sync.protocol.PulledRecord.FlagTypeRecord;
import org.casework.sync.protocol.PulledRecord.FormField;
import org.casework.sync.protocol.PulledRecord.HouseholdRecord;
import org.casework.sync.protocol.PulledRecord.RecentVisit;
import org.casework.sync.protocol.PulledRecord.StationRecord;
import org.casework.sync.protocol.PulledRecord.VisitDueRecord;
import org.casework.sync.protocol.PulledRecord.VisitRecord;
import org.casework.sync.protocol.PulledRecord.VisitTypeRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/** Stored records read as the protocol's typed records, and offline edits built from them. */
class StoredRecordTest {

    static final String VILLAGE = "410225101201";
    static final UUID CHILD = UUID.fromString("0b8f6a2e-5d3c-4e1f-9a7b-2c4d6e8f0a1b");

    @TempDir
    Path dir;

    LocalStore store;
    OfflineEdits edits;
    final Clock clock = Clock.fixed(Instant.parse("2026-11-27T08:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void open() {
        store = LocalStore.open(dir.resolve("r.db"));
        edits = new OfflineEdits(store, clock, ids());
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aPulledChildReadsTyped() {
        ObjectNode f = Json.parseObject("""
                {"name":"王小红","pinyin":"wangxiaohong","pinyinInitials":"wxh","sex":"FEMALE",
                 "birthDate":"2016-05-01","village":"410225101201","address":null,
                 "household":"5f0c8e36-1b7a-4c2d-9e3f-6a8b0c1d2e3f","categories":["LEFT_BEHIND_CHILD","POOR"],
                 "idMasked":"4102**********0022","phoneMasked":null,"guardianName":"王秀兰",
                 "guardianRelation":"祖母","guardianPhone":"13912345678","fatherStatus":"WORKING_AWAY",
                 "someFieldOfANewerServer":{"x":1}}""");

        ClientRecord child = stored("client", f).as(ClientRecord.class);

        assertThat(child.name()).isEqualTo("王小红");
        assertThat(child.birthDate()).isEqualTo(LocalDate.of(2016, 5, 1));
        assertThat(child.household()).isEqualTo(UUID.fromString("5f0c8e36-1b7a-4c2d-9e3f-6a8b0c1d2e3f"));
        assertThat(child.categories()).containsExactly("LEFT_BEHIND_CHILD", "POOR");
        assertThat(child.address()).isNull();
        assertThat(child.motherStatus()).isNull();
    }

    @Test
    void everyRecordTypeReadsTyped() {
        assertThat(stored("household", Json.parseObject("{\"address\":\"任庄村3组\",\"headName\":\"王大山\",\"members\":4}"))
                        .as(HouseholdRecord.class))
                .isEqualTo(new HouseholdRecord("任庄村3组", "王大山", 4));
        assertThat(stored("visitDue", Json.parseObject("""
                        {"client":"%s","level":"MONTHLY","nextDueOn":"2026-12-01","lastVisitOn":null,"rule":"LEFT_BEHIND",
                         "recentVisits":[{"on":"2026-11-01","type":"HOME_VISIT","by":"李娜"}]}""".formatted(CHILD))).as(VisitDueRecord.class))
                .isEqualTo(new VisitDueRecord(
                        CHILD,
                        "MONTHLY",
                        LocalDate.of(2026, 12, 1),
                        null,
                        "LEFT_BEHIND",
                        List.of(new RecentVisit(LocalDate.of(2026, 11, 1), "HOME_VISIT", "李娜"))));
        assertThat(stored("flag", Json.parseObject("""
                        {"client":null,"subjectName":"小明","type":"NEGLECT","severity":"RED","status":"OPEN",
                         "raisedAt":"2026-11-20T08:00:00Z"}""")).as(FlagRecord.class))
                .isEqualTo(new FlagRecord(
                        null, "小明", "NEGLECT", "RED", "OPEN", null, null, Instant.parse("2026-11-20T08:00:00Z"), null));
        assertThat(stored("visit", Json.parseObject("""
                        {"client":"%s","type":"HOME_VISIT","occurredAt":"2026-11-20T09:00:00+08:00","notes":"在家",
                         "observations":{"meals":2,"guardianPresent":true}}""".formatted(CHILD))).as(VisitRecord.class))
                .isEqualTo(new VisitRecord(
                        CHILD,
                        "HOME_VISIT",
                        Instant.parse("2026-11-20T01:00:00Z"),
                        "在家",
                        Map.of("meals", 2, "guardianPresent", true)));
        assertThat(stored("case", Json.parseObject("""
                        {"number":"LK-2026-0012","client":"%s","status":"ASSESSING","risk":"YELLOW","worker":"李娜",
                         "openedOn":"2026-10-02"}""".formatted(CHILD))).as(CaseRecord.class))
                .isEqualTo(
                        new CaseRecord("LK-2026-0012", CHILD, "ASSESSING", "YELLOW", "李娜", LocalDate.of(2026, 10, 2)));
        assertThat(stored(
                                "flagType",
                                Json.parseObject(
                                        "{\"zh\":\"独居\",\"en\":\"Living alone\",\"mandatory\":false,\"severity\":\"YELLOW\"}"))
                        .as(FlagTypeRecord.class))
                .isEqualTo(new FlagTypeRecord("独居", "Living alone", false, "YELLOW"));
        assertThat(stored("visitType", Json.parseObject("""
                        {"zh":"上门走访","en":"Home visit","form":[{"name":"durationMinutes","kind":"integer",
                         "required":false,"min":1,"max":1440}]}"""))
                        .as(VisitTypeRecord.class)
                        .form())
                .containsExactly(new FormField("durationMinutes", "integer", false, 1L, 1440L, null, null));
        assertThat(stored(
                                "station",
                                Json.parseObject("{\"name\":\"堌阳镇社工站\",\"phone\":null,\"township\":\"410225101\"}"))
                        .as(StationRecord.class))
                .isEqualTo(new StationRecord("堌阳镇社工站", null, "410225101"));
    }

    @Test
    void aRecordIsReadOnlyAsItsOwnType() {
        StoredRecord household = stored("household", Json.object());

        assertThatThrownBy(() -> household.as(ClientRecord.class)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aValueOfAnotherShapeReadsAsNull() {
        VisitDueRecord due = stored(
                        "visitDue",
                        Json.parseObject(
                                "{\"client\":\"not-an-id\",\"nextDueOn\":\"soon\",\"recentVisits\":{\"on\":\"x\"}}"))
                .as(VisitDueRecord.class);

        assertThat(due.client()).isNull();
        assertThat(due.nextDueOn()).isNull();
        assertThat(due.recentVisits()).isNull();
    }

    @Test
    void recordsCreatedOfflineReadAsTheSameTypesAsPulledOnes() {
        UUID child = edits.registerChild(new RegisterChild(
                "王小红",
                "FEMALE",
                LocalDate.of(2016, 5, 1),
                VILLAGE,
                null,
                "未落户",
                "王秀兰",
                "祖母",
                "13912345678",
                "WORKING_AWAY",
                null,
                "LEFT_BEHIND_CHILD"));
        UUID flag = edits.raiseFlag(
                new FlagReport(child, null, null, null, null, VILLAGE, "LIVING_ALONE", "RED", "独自在家", null, null));
        UUID visit = edits.logVisit(new VisitLog(
                child,
                "HOME_VISIT",
                Instant.parse("2026-11-26T09:00:00Z"),
                30,
                "在家",
                Json.parseObject("{\"meals\":2}")));

        ClientRecord c = store.record("client", child.toString()).orElseThrow().as(ClientRecord.class);
        assertThat(c.name()).isEqualTo("王小红");
        assertThat(c.village()).isEqualTo(VILLAGE);
        assertThat(c.categories()).containsExactly("LEFT_BEHIND_CHILD");
        FlagRecord f = store.record("flag", flag.toString()).orElseThrow().as(FlagRecord.class);
        // the flag names its child from the child's typed record
        assertThat(f.subjectName()).isEqualTo("王小红");
        assertThat(f.client()).isEqualTo(child);
        assertThat(f.raisedAt()).isEqualTo(clock.instant());
        VisitRecord v = store.record("visit", visit.toString()).orElseThrow().as(VisitRecord.class);
        assertThat(v.observations()).isEqualTo(Map.of("meals", 2));
        assertThat(store.outbox().items().get(2).payload().get("fields").toString())
                .isEqualTo(
                        "{\"clientId\":\"" + child + "\",\"type\":\"HOME_VISIT\",\"occurredAt\":"
                                + "\"2026-11-26T09:00:00Z\",\"durationMinutes\":30,\"notes\":\"在家\",\"observations\":{\"meals\":2}}");
    }

    @Test
    void aProfileEditStartsFromTheTypedRecordsValues() {
        store.saveRecord(new StoredRecord(
                "client",
                CHILD.toString(),
                VILLAGE,
                4L,
                Json.parseObject("{\"name\":\"王小红\",\"guardianPhone\":\"13912345678\",\"birthDate\":\"2016-05-01\"}"),
                SyncState.SYNCED,
                null));

        edits.editProfile(CHILD, Map.of("guardianPhone", "13800000000"));
        edits.editProfile(CHILD, Map.of("school", "任庄小学"));

        OutboxItem first = store.outbox().items().get(0);
        assertThat(first.payload().get("baseVersion").asLong()).isEqualTo(4);
        assertThat(first.payload().get("fields").toString()).isEqualTo("{\"guardianPhone\":\"13800000000\"}");
        assertThat(first.payload().get("before").toString()).isEqualTo("{\"guardianPhone\":\"13912345678\"}");
        OutboxItem second = store.outbox().items().get(1);
        assertThat(second.payload().get("before").toString()).isEqualTo("{\"school\":null}");
        ClientRecord local =
                store.record("client", CHILD.toString()).orElseThrow().as(ClientRecord.class);
        assertThat(local.guardianPhone()).isEqualTo("13800000000");
        assertThat(local.school()).isEqualTo("任庄小学");
    }

    private static StoredRecord stored(String type, ObjectNode fields) {
        return new StoredRecord(type, UUID.randomUUID().toString(), VILLAGE, 1L, fields, SyncState.SYNCED, null);
    }

    private static Supplier<UUID> ids() {
        return UUID::randomUUID;
    }
}
