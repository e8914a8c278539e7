package org.casework.sync.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.casework.sync.client.OfflineEdits.FlagReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class ScopeAndResyncTest {

    static final String RENZHUANG = "410225101201";
    static final String CAOZHAI = "410225101202";

    @TempDir
    Path dir;

    FakeSyncServer server;
    SyncClient client;

    @BeforeEach
    void start() throws Exception {
        server = new FakeSyncServer();
        server.upsert("client", "c1", RENZHUANG, Json.object().put("name", "王小明"));
        server.upsert("household", "h1", RENZHUANG, Json.object().put("headName", "王大山"));
        server.upsert("client", "c2", CAOZHAI, Json.object().put("name", "李小红"));
        server.upsert("region", RENZHUANG, "ref", Json.object().put("name", "任庄村"));
        client = SyncClient.open(
                new SyncClient.Config().database(dir.resolve("d.db")).server(server.uri()));
        client.register("director-renzhuang", "secret", "test");
        client.sync();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void sendsAChecksumForEveryScopeItHolds() {
        client.sync();

        JsonNode sent = server.requests.get(server.requests.size() - 1).get("checksums");
        assertThat(sent.propertyNames()).containsExactlyInAnyOrder(RENZHUANG, CAOZHAI, "ref");
        assertThat(sent.get(RENZHUANG).asString())
                .isEqualTo(Checksums.of(client.store().records("where scope = ?", RENZHUANG)));
        assertThat(server.requests.get(server.requests.size() - 1).path("resync"))
                .isEmpty();
    }

    @Test
    void aDivergentScopeIsReplacedByTheServersFullCopy() {
        client.store().deleteRecord("household", "h1");
        client.store()
                .saveRecord(
                        new StoredRecord("household", "ghost", RENZHUANG, 3L, Json.object(), SyncState.SYNCED, null));

        SyncReport report = client.sync();

        assertThat(report.resynced()).containsExactly(RENZHUANG);
        assertThat(client.store().record("household", "h1")).isPresent();
        assertThat(client.store().record("household", "ghost")).isEmpty();
        assertThat(client.store().record("client", "c1").orElseThrow().field("name"))
                .isEqualTo("王小明");

        client.sync();
        JsonNode last = server.requests.get(server.requests.size() - 1);
        assertThat(server.pendingResync).isEmpty();
        assertThat(last.get("checksums").get(RENZHUANG).asString())
                .isEqualTo(Checksums.of(client.store().records("where scope = ?", RENZHUANG)));
    }

    @Test
    void aRemovedScopeTakesItsRecordsButNotTheUsersUnansweredWork() {
        server.verdict = m -> Json.object()
                .put("status", "QUARANTINED")
                .put("code", "sync.outOfScope")
                .put("message", "不在辖区");
        UUID flag = client.edits()
                .raiseFlag(new FlagReport(
                        null, "无名儿童", "MALE", 8, null, RENZHUANG, "NEGLECT", "RED", "独自在家", Instant.now(), "村口"));
        server.removeScope(RENZHUANG);

        client.sync();

        assertThat(client.store().record("client", "c1")).isEmpty();
        assertThat(client.store().record("household", "h1")).isEmpty();
        assertThat(client.store().record("client", "c2")).isPresent();
        assertThat(client.store().record("region", RENZHUANG)).isPresent();
        assertThat(client.store().record("flag", flag.toString()).orElseThrow().state())
                .isEqualTo(SyncState.QUARANTINED);
        assertThat(Json.parse(client.store().meta(MetaKeys.SCOPE_KEYS)))
                .extracting(JsonNode::asString)
                .containsExactly(CAOZHAI, "ref");
    }
}
