package org.casework.sync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.casework.sync.client.OfflineEdits.VisitLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Tokens, revocation, registration and the atomicity of applying an answer. */
class DeviceSessionTest {

    @TempDir
    Path dir;

    FakeSyncServer server;
    SyncClient client;

    @BeforeEach
    void start() throws Exception {
        server = new FakeSyncServer();
        client = open(Clock.systemUTC());
        client.register("director-renzhuang", "secret", "test");
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    SyncClient open(Clock clock) {
        return SyncClient.open(new SyncClient.Config()
                .database(dir.resolve("d.db"))
                .server(server.uri())
                .clock(clock));
    }

    void logVisit() {
        client.edits().logVisit(new VisitLog(UUID.randomUUID(), "HOME_VISIT", Instant.now(), 30, "家访", null));
    }

    @Test
    void refreshesBeforeSendingWhenTheStoredExpiryHasPassed() {
        client.close();
        client = open(Clock.fixed(Instant.parse("2099-06-01T00:00:00Z"), ZoneOffset.UTC));

        client.sync();

        assertThat(server.refreshes).isEqualTo(1);
        assertThat(client.store().meta(MetaKeys.ACCESS_TOKEN)).isEqualTo("access-2");
    }

    @Test
    void aRefusedRefreshKeepsTheStoreAndAsksToSignInAgain() {
        logVisit();
        server.accessExpired = true;
        server.refreshToken = "rotated-elsewhere";

        assertThatThrownBy(client::sync)
                .isInstanceOfSatisfying(
                        SyncException.class, e -> assertThat(e.code()).isEqualTo("device.refreshInvalid"));

        assertThat(client.registered()).isTrue();
        assertThat(client.queries().pendingCount()).isEqualTo(1);
    }

    @Test
    void aRevokedDeviceIsWipedEvenWhenTheRefreshIsWhatTellsIt() {
        logVisit();
        server.accessExpired = true;
        server.revoked = true;

        assertThatThrownBy(client::sync).isInstanceOf(DeviceRevokedException.class);

        assertThat(client.registered()).isFalse();
        assertThat(client.store().outbox().items()).isEmpty();
    }

    @Test
    void registeringAgainRefusesWhileWorkIsUnsent() {
        logVisit();

        assertThatThrownBy(() -> client.register("director-renzhuang", "secret", "again"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(client.queries().pendingCount()).isEqualTo(1);
    }

    @Test
    void mutationsCarryEveryFieldOfTheProtocol() {
        logVisit();

        JsonNode m = client.store().outbox().items().get(0).payload();

        assertThat(m.propertyNames())
                .containsExactlyInAnyOrder(
                        "id", "counter", "type", "entityId", "baseVersion", "fields", "before", "at");
        assertThat(m.get("baseVersion").isNull()).isTrue();
        assertThat(m.get("fields").get("type").asString()).isEqualTo("HOME_VISIT");
        assertThat(m.get("fields").get("durationMinutes").asInt()).isEqualTo(30);
    }

    @Test
    void anAnswerThatCannotBeAppliedLeavesCursorOutboxAndRecordsAsTheyWere() {
        server.upsert("client", "c1", "410225101201", Json.object().put("name", "王小明"));
        client.sync();
        String cursor = client.store().meta(MetaKeys.CURSOR);
        logVisit();
        server.upsert("household", "h1", "410225101201", Json.object().put("headName", "王大山"));
        server.log.add(Json.object().put("id", "broken").put("op", "U")); // no type: the local insert fails

        assertThatThrownBy(client::sync).isInstanceOf(LocalStore.StoreException.class);

        assertThat(client.store().meta(MetaKeys.CURSOR)).isEqualTo(cursor);
        assertThat(client.store().outbox().items())
                .singleElement()
                .satisfies(i -> assertThat(i.state()).isEqualTo("PENDING"));
        assertThat(client.store().record("household", "h1")).isEmpty();

        server.log.removeIf(c -> "broken".equals(c.path("id").asString()));
        client.sync();

        assertThat(server.replays).isEqualTo(1);
        assertThat(server.applications.values()).containsOnly(1);
        assertThat(client.store().outbox().items()).isEmpty();
        assertThat(client.store().record("household", "h1")).isPresent();
    }

    @Test
    void warnsWhenTheQueueReachesTheServersWarningLevel() {
        server.limits.put("warnPendingMutations", 2);
        client.register("director-renzhuang", "secret", "test"); // limits come with the registration
        logVisit();
        logVisit();
        server.withholdCounterOnce = 1L; // nothing acknowledged: both stay queued

        SyncReport report = client.sync();

        assertThat(report.pending()).isEqualTo(2);
        assertThat(report.warnings()).contains("sync.pendingNear");
    }
}
