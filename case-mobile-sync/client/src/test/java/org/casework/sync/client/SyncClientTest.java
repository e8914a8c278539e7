package org.casework.sync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casework.sync.client.OfflineEdits.FlagReport;
import org.casework.sync.client.OfflineEdits.VisitLog;
import org.casework.sync.protocol.MutationPayload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class SyncClientTest {

    static final String VILLAGE = "410225101201";
    static final String CHILD = "7d1f6a2e-0000-4000-8000-000000000001";

    @TempDir
    Path dir;

    FakeSyncServer server;
    SyncClient client;
    final List<Duration> sleeps = new ArrayList<>();
    final Clock clock = Clock.fixed(Instant.parse("2026-11-27T08:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void start() throws Exception {
        server = new FakeSyncServer();
        server.upsert("client", CHILD, VILLAGE, Json.object().put("name", "王小明").put("guardianPhone", "13900001111"));
        client = open(RetryPolicy.DEFAULT);
        client.register("director-renzhuang", "secret", "红米 9A");
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    SyncClient open(RetryPolicy retry) {
        return SyncClient.open(new SyncClient.Config()
                .database(dir.resolve("device.db"))
                .server(server.uri())
                .clock(clock)
                .retry(retry, sleeps::add, () -> 0.0));
    }

    UUID logVisit(String notes) {
        return client.edits()
                .logVisit(new VisitLog(UUID.fromString(CHILD), "HOME_VISIT", clock.instant(), 30, notes, null));
    }

    @Test
    void anEditAndItsOutboxRowAreSavedTogether() {
        UUID visit = logVisit("家中无人");

        assertThat(client.queries().record("visit", visit))
                .hasValueSatisfying(r -> assertThat(r.state()).isEqualTo(SyncState.PENDING));
        assertThat(client.store().outbox().items()).singleElement().satisfies(item -> {
            assertThat(item.entityId()).isEqualTo(visit.toString());
            assertThat(item.payload().get("counter").asLong()).isEqualTo(1);
            assertThat(item.payload().get("type").asString()).isEqualTo("LOG_VISIT");
        });
    }

    @Test
    void anEditThatFailsHalfwayLeavesNeitherRecordNorOutboxRow() {
        assertThatThrownBy(() -> client.store().inTransaction(() -> {
                    logVisit("家中无人");
                    throw new IllegalStateException("the phone died here");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(client.store().outbox().items()).isEmpty();
        assertThat(client.store().recordsOfType("visit")).isEmpty();
        assertThat(client.store().meta(MetaKeys.LAST_COUNTER)).isNull();
    }

    @Test
    void aSavedEditSurvivesACrashBeforeAnySync() {
        UUID visit = logVisit("家中无人");
        client.close(); // the app is killed; nothing else ran

        client = open(RetryPolicy.DEFAULT);
        assertThat(client.queries().pendingCount()).isEqualTo(1);
        client.sync();

        assertThat(server.applications).hasSize(1);
        assertThat(client.queries().record("visit", visit).orElseThrow().state())
                .isEqualTo(SyncState.SYNCED);
    }

    @Test
    void countersAreContiguousAcrossTypesSyncsAndRestarts() {
        client.sync(); // the child to edit comes from the server
        logVisit("一");
        UUID flag = client.edits()
                .raiseFlag(new FlagReport(
                        UUID.fromString(CHILD),
                        null,
                        null,
                        null,
                        null,
                        VILLAGE,
                        "NEGLECT",
                        "RED",
                        "无人照看",
                        clock.instant(),
                        "家中"));
        client.edits().addNote(flag, "补充");
        client.edits().editProfile(UUID.fromString(CHILD), Map.of("guardianPhone", "13900002222"));
        assertThat(client.store().outbox().items())
                .extracting(OutboxItem::counter)
                .containsExactly(1L, 2L, 3L, 4L);

        client.sync();
        assertThat(client.store().outbox().items()).isEmpty();
        client.close();
        client = open(RetryPolicy.DEFAULT);
        logVisit("二");

        assertThat(client.store().outbox().items())
                .extracting(OutboxItem::counter)
                .containsExactly(5L);
    }

    @Test
    void deletesQueuedMutationsOnlyUpToTheAcknowledgement() {
        logVisit("一");
        logVisit("二");
        UUID third = logVisit("三");
        server.withholdCounterOnce = 2L; // counter 2 has no recorded result: ack stops at 1

        SyncReport report = client.sync();

        assertThat(report.ack()).isEqualTo(1);
        List<OutboxItem> left = client.store().outbox().items();
        assertThat(left).extracting(OutboxItem::counter).containsExactly(2L, 3L);
        assertThat(left.get(1).state()).isEqualTo("ANSWERED");
        assertThat(client.queries().record("visit", third).orElseThrow().state())
                .isEqualTo(SyncState.SYNCED);

        List<String> ids = left.stream().map(OutboxItem::mutationId).toList();
        client.sync();

        JsonNode resent = server.requests.get(server.requests.size() - 1).get("mutations");
        assertThat(resent).extracting(m -> m.get("id").asString()).containsExactlyElementsOf(ids);
        assertThat(client.store().outbox().items()).isEmpty();
        assertThat(server.replays).isEqualTo(1); // counter 3 was already recorded
        assertThat(server.applications.values()).containsOnly(1);
    }

    @Test
    void aSyncAfterADroppedResponseResendsTheSameMutationsAndTheServerReplays() {
        client.close();
        client = open(new RetryPolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(1), 2, 0));
        UUID visit = logVisit("家中无人");
        String mutationId = client.store().outbox().items().get(0).mutationId();
        server.dropNextResponseAfterCommit = true;

        assertThatThrownBy(client::sync).isInstanceOf(SyncException.class);
        assertThat(server.applications).containsEntry(mutationId, 1);
        assertThat(client.store().outbox().items())
                .singleElement()
                .satisfies(i -> assertThat(i.mutationId()).isEqualTo(mutationId));

        SyncReport report = client.sync();

        assertThat(report.applied()).isEqualTo(1);
        assertThat(server.replays).isEqualTo(1);
        assertThat(server.applications).containsEntry(mutationId, 1);
        assertThat(client.store().outbox().items()).isEmpty();
        assertThat(client.queries().record("visit", visit).orElseThrow().state())
                .isEqualTo(SyncState.SYNCED);
    }

    @Test
    void aRejectedItemKeepsItsReasonAndDoesNotFailTheBatch() {
        server.verdict = m -> "坏".equals(m.path("fields").path("notes").asString(""))
                ? Json.object()
                        .put("status", "REJECTED")
                        .put("code", "validation.failed")
                        .put("message", "时长必须大于零")
                : null;
        UUID bad = logVisit("坏");
        UUID good = logVisit("好");

        SyncReport report = client.sync();

        assertThat(report.rejected()).isEqualTo(1);
        assertThat(report.applied()).isEqualTo(1);
        StoredRecord rejected = client.queries().record("visit", bad).orElseThrow();
        assertThat(rejected.state()).isEqualTo(SyncState.REJECTED);
        assertThat(Json.parse(rejected.reason()).get("message").asString()).isEqualTo("时长必须大于零");
        assertThat(client.queries().record("visit", good).orElseThrow().state()).isEqualTo(SyncState.SYNCED);
        assertThat(client.queries().needingAttention())
                .extracting(StoredRecord::id)
                .containsExactly(bad.toString());
        assertThat(client.store().outbox().items()).isEmpty();

        client.sync(); // the refusal is kept through later syncs
        assertThat(client.queries().record("visit", bad).orElseThrow().state()).isEqualTo(SyncState.REJECTED);
    }

    @Test
    void conflictsAndQuarantinesAreMarkedOnTheRecord() {
        client.sync();
        server.verdict = m -> "EDIT_PROFILE".equals(m.get("type").asString())
                ? Json.object()
                        .put("status", "CONFLICT")
                        .put("code", "sync.conflict")
                        .put("message", "监护人电话已被站点修改")
                : Json.object()
                        .put("status", "QUARANTINED")
                        .put("code", "sync.quarantined")
                        .put("message", "个案已结案");
        client.edits().editProfile(UUID.fromString(CHILD), Map.of("guardianPhone", "13900002222"));
        UUID visit = logVisit("结案后");

        client.sync();

        assertThat(client.queries()
                        .record("client", UUID.fromString(CHILD))
                        .orElseThrow()
                        .state())
                .isEqualTo(SyncState.CONFLICT);
        assertThat(client.queries().record("visit", visit).orElseThrow().state())
                .isEqualTo(SyncState.QUARANTINED);
    }

    @Test
    void aProfileEditCarriesItsBaseVersionAndTheValuesTheUserSaw() {
        client.sync();
        client.edits().editProfile(UUID.fromString(CHILD), Map.of("guardianPhone", "13900002222"));

        JsonNode payload = client.store().outbox().items().get(0).payload();
        assertThat(payload.get("baseVersion").asLong()).isEqualTo(0);
        assertThat(payload.get("before").get("guardianPhone").asString()).isEqualTo("13900001111");
        assertThat(payload.get("fields").get("guardianPhone").asString()).isEqualTo("13900002222");
        assertThatThrownBy(() -> client.edits().editProfile(UUID.fromString(CHILD), Map.of("idMasked", "x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPulledChangeDoesNotHideAnEditTheServerHasNotAnswered() {
        client.sync();
        client.edits().editProfile(UUID.fromString(CHILD), Map.of("guardianPhone", "13900002222"));
        server.withholdCounterOnce = 1L;
        server.upsert("client", CHILD, VILLAGE, Json.object().put("school", "任庄小学"));

        client.sync();

        StoredRecord child =
                client.queries().record("client", UUID.fromString(CHILD)).orElseThrow();
        assertThat(child.field("school")).isEqualTo("任庄小学");
        assertThat(child.field("guardianPhone")).isEqualTo("13900002222");
        assertThat(child.state()).isEqualTo(SyncState.PENDING);
    }

    @Test
    void refreshesAnExpiredAccessTokenAndRetries() {
        server.accessExpired = true;
        logVisit("家中无人");

        client.sync();

        assertThat(server.refreshes).isEqualTo(1);
        assertThat(client.store().meta(MetaKeys.REFRESH_TOKEN)).isEqualTo("refresh-2");
        assertThat(client.store().outbox().items()).isEmpty();
        assertThat(server.applications).hasSize(1);
    }

    @Test
    void aRevokedDeviceWipesItsStoreAndStops() {
        client.sync();
        logVisit("家中无人");
        server.revoked = true;

        assertThatThrownBy(client::sync).isInstanceOf(DeviceRevokedException.class);

        assertThat(client.store().recordsOfType("client")).isEmpty();
        assertThat(client.store().outbox().items()).isEmpty();
        assertThat(client.registered()).isFalse();
        assertThatThrownBy(client::sync).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void followsMoreUntilTheBacklogIsPulled() {
        for (int i = 0; i < 24; i++) {
            server.upsert("household", "h" + i, VILLAGE, Json.object().put("headName", "户主" + i));
        }
        client.close();
        client = SyncClient.open(new SyncClient.Config()
                .database(dir.resolve("device.db"))
                .server(server.uri())
                .clock(clock)
                .pullLimit(10));

        SyncReport report = client.sync();

        assertThat(report.requests()).isEqualTo(3);
        assertThat(report.changes()).isEqualTo(25);
        assertThat(client.store().recordsOfType("household")).hasSize(24);
        assertThat(client.store().meta(MetaKeys.CURSOR)).isEqualTo("25");
        assertThat(client.queries().lastSyncTime())
                .contains(Instant.parse("2026-11-27T08:00:00Z")); // the server's time
    }

    @Test
    void anInterruptedInitialSyncResumesFromTheStoredCursor() {
        for (int i = 0; i < 24; i++) {
            server.upsert("household", "h" + i, VILLAGE, Json.object().put("headName", "户主" + i));
        }
        client.close();
        SyncClient.Config config = new SyncClient.Config()
                .database(dir.resolve("device.db"))
                .server(server.uri())
                .clock(clock)
                .retry(new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1, 0), sleeps::add, () -> 0.0)
                .pullLimit(10);
        client = SyncClient.open(config);
        server.failOnSyncRequest = 2; // the link dies during the second page

        assertThatThrownBy(client::sync).isInstanceOf(SyncException.class);
        assertThat(client.store().meta(MetaKeys.CURSOR)).isEqualTo("10");
        assertThat(client.store().recordsOfType("household")).hasSize(9);

        client.sync();

        JsonNode resumed = server.requests.get(server.requests.size() - 2);
        assertThat(resumed.get("cursor").asString()).isEqualTo("10");
        assertThat(client.store().recordsOfType("household")).hasSize(24);
    }

    @Test
    void aRefusedProfileEditShowsTheServersValueAgain() {
        client.sync();
        server.verdict = m -> Json.object()
                .put("status", "REJECTED")
                .put("code", "validation.failed")
                .put("message", "电话号码格式不正确");
        client.edits().editProfile(UUID.fromString(CHILD), Map.of("guardianPhone", "123"));

        client.sync();

        StoredRecord child =
                client.queries().record("client", UUID.fromString(CHILD)).orElseThrow();
        assertThat(child.state()).isEqualTo(SyncState.REJECTED);
        assertThat(child.field("guardianPhone")).isEqualTo("13900001111");
        assertThat(Json.parse(child.reason()).get("code").asString()).isEqualTo("validation.failed");
    }

    @Test
    void dismissingARefusalRemovesWorkTheServerNeverTookAndKeepsServerRecords() {
        client.sync();
        server.verdict = m -> Json.object()
                .put("status", "REJECTED")
                .put("code", "validation.failed")
                .put("message", "不行");
        UUID visit = logVisit("坏");
        client.edits().editProfile(UUID.fromString(CHILD), Map.of("guardianPhone", "123"));
        client.sync();

        assertThat(client.edits().dismiss("visit", visit)).isTrue();
        assertThat(client.edits().dismiss("client", UUID.fromString(CHILD))).isTrue();

        assertThat(client.queries().record("visit", visit)).isEmpty();
        assertThat(client.queries()
                        .record("client", UUID.fromString(CHILD))
                        .orElseThrow()
                        .state())
                .isEqualTo(SyncState.SYNCED);
        assertThat(client.queries().needingAttention()).isEmpty();
        assertThat(client.edits().dismiss("client", UUID.fromString(CHILD))).isFalse();
    }

    @Test
    void anAcknowledgedMutationWhoseResultWasLostIsAskedForAgain() {
        client.close();
        client = open(new RetryPolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(1), 2, 0));
        UUID visit = logVisit("家中无人");
        server.dropNextResponseAfterCommit = true;
        assertThatThrownBy(client::sync).isInstanceOf(SyncException.class);
        server.withholdCounterOnce = 1L; // recorded on the server, acknowledged, but no result in this answer

        SyncReport report = client.sync();

        assertThat(report.ack()).isEqualTo(1);
        assertThat(client.store().outbox().items())
                .singleElement()
                .satisfies(i -> assertThat(i.state()).isEqualTo("PENDING"));
        assertThat(client.queries().record("visit", visit).orElseThrow().state())
                .isEqualTo(SyncState.PENDING);

        client.sync();

        assertThat(client.store().outbox().items()).isEmpty();
        assertThat(client.queries().record("visit", visit).orElseThrow().state())
                .isEqualTo(SyncState.SYNCED);
        assertThat(server.applications.values()).containsOnly(1);
    }

    @Test
    void aChildRegisteredOfflineIsHeldWithoutItsIdNumber() {
        UUID child = client.edits()
                .registerChild(new MutationPayload.RegisterChild(
                        "赵小芳",
                        "FEMALE",
                        java.time.LocalDate.of(2016, 3, 8),
                        VILLAGE,
                        "410225201603080021",
                        null,
                        "赵大娘",
                        "GRANDMOTHER",
                        "13700001234",
                        "MIGRANT_WORKER",
                        "MIGRANT_WORKER",
                        "LEFT_BEHIND_CHILD"));

        StoredRecord local = client.queries().record("client", child).orElseThrow();
        assertThat(local.scope()).isEqualTo(VILLAGE);
        assertThat(local.field("name")).isEqualTo("赵小芳");
        assertThat(local.fields().toString()).doesNotContain("410225201603080021");
        JsonNode payload = client.store().outbox().items().get(0).payload();
        assertThat(payload.get("entityId").asString()).isEqualTo(child.toString());
        assertThat(payload.get("fields").get("idNumber").asString()).isEqualTo("410225201603080021");
        assertThat(payload.get("fields").get("residenceRegionCode").asString()).isEqualTo(VILLAGE);

        client.sync();

        assertThat(client.store().outbox().items())
                .isEmpty(); // the full ID number leaves the device with the outbox row
        assertThat(client.queries().record("client", child).orElseThrow().state())
                .isEqualTo(SyncState.SYNCED);
    }
}
