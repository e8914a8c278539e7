package org.casework.sync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.casework.sync.client.OfflineEdits.VisitLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetryTest {

    static final RetryPolicy POLICY = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(5), 2.0, 0.5);

    @TempDir
    Path dir;

    FakeSyncServer server;
    final List<Duration> sleeps = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new FakeSyncServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theScheduleDoublesUpToTheCapAndJitterOnlyShortensIt() {
        assertThat(List.of(1, 2, 3, 4, 5).stream().map(n -> POLICY.delayBefore(n, 0.0)))
                .containsExactly(
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(5));
        assertThat(POLICY.delayBefore(3, 0.999)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(POLICY.delayBefore(3, 0.5)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void retriesServerErrorsWithBackoffAndThenSucceeds() {
        try (SyncClient client = open(server.uri())) {
            client.register("director-renzhuang", "secret", "test");
            server.failuresToInject = 3;

            client.sync();

            assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
        }
    }

    @Test
    void givesUpAfterTheLastAttemptAndKeepsTheOutbox() {
        try (SyncClient client = open(server.uri())) {
            client.register("director-renzhuang", "secret", "test");
            client.edits().logVisit(new VisitLog(UUID.randomUUID(), "PHONE_CALL", Instant.now(), 5, "电话", null));
            server.failuresToInject = 5;

            assertThatThrownBy(client::sync)
                    .isInstanceOfSatisfying(
                            SyncException.class, e -> assertThat(e.status()).isEqualTo(503));

            assertThat(sleeps).hasSize(4);
            assertThat(client.queries().pendingCount()).isEqualTo(1);
        }
    }

    @Test
    void aRefusalIsNotRetried() {
        try (SyncClient client = open(server.uri())) {
            assertThatThrownBy(() -> client.register("director-renzhuang", "wrong", "test"))
                    .isInstanceOfSatisfying(
                            SyncException.class, e -> assertThat(e.code()).isEqualTo("auth.badCredentials"));
            assertThat(sleeps).isEmpty();
            assertThat(client.registered()).isFalse();
        }
    }

    @Test
    void retriesWhenTheNetworkFails() {
        int[] calls = {0};
        SyncTransport flaky = (path, json, bearer) -> {
            if (calls[0]++ < 2) {
                throw new IOException("connection reset");
            }
            return new SyncTransport.Response(
                    201,
                    "{\"deviceId\":\"d\",\"accessToken\":\"a\",\"accessExpiresAt\":\"2099-01-01T00:00:00Z\",\"refreshToken\":\"r\"}");
        };
        try (SyncClient client = SyncClient.open(new SyncClient.Config()
                .database(dir.resolve("flaky.db"))
                .transport(flaky)
                .retry(POLICY, sleeps::add, () -> 0.0))) {
            client.register("director-renzhuang", "secret", "test");

            assertThat(client.deviceId()).isEqualTo("d");
            assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        }
    }

    @Test
    void aCutBodyIsNoAnswerAndIsRetried() {
        int[] calls = {0};
        SyncTransport truncating = (path, json, bearer) -> new SyncTransport.Response(
                201,
                calls[0]++ == 0
                        ? "{\"deviceId\":\"d\",\"accessTo"
                        : "{\"deviceId\":\"d\",\"accessToken\":\"a\",\"accessExpiresAt\":\"2099-01-01T00:00:00Z\",\"refreshToken\":\"r\"}");
        try (SyncClient client = SyncClient.open(new SyncClient.Config()
                .database(dir.resolve("cut.db"))
                .transport(truncating)
                .retry(POLICY, sleeps::add, () -> 0.0))) {
            client.register("director-renzhuang", "secret", "test");

            assertThat(client.store().meta(MetaKeys.ACCESS_TOKEN)).isEqualTo("a");
            assertThat(sleeps).hasSize(1);
        }
    }

    @Test
    void anAnswerCutShortIsNoAnswerAndTheNextAttemptBringsItWhole() {
        for (FakeSyncServer.Cut cut : FakeSyncServer.Cut.values()) {
            sleeps.clear();
            try (SyncClient client = open(server.uri(), "retried-" + cut + ".db")) {
                client.register("director-renzhuang", "secret", "test");
                server.upsert(
                        "client", "c-" + cut, "410225101201", Json.object().put("name", "王小明"));
                client.edits().logVisit(new VisitLog(UUID.randomUUID(), "PHONE_CALL", Instant.now(), 5, "电话", null));
                server.cuts.add(cut);
                int before = server.syncRequests;

                SyncReport report = client.sync();

                assertThat(server.syncRequests - before)
                        .as(cut + ": asked again")
                        .isEqualTo(2);
                assertThat(sleeps).as(cut + ": one retry").hasSize(1);
                assertThat(report.applied()).isEqualTo(1);
                assertThat(client.queries().pendingCount()).isZero();
                assertThat(server.applications.values())
                        .as("applied once, answered again")
                        .containsOnly(1);
                assertThat(client.store().record("client", "c-" + cut)).isPresent();
                assertThat(client.store().meta(MetaKeys.CURSOR)).isEqualTo(Integer.toString(server.log.size()));
            }
        }
    }

    @Test
    void anAnswerCutShortOnTheLastAttemptLeavesTheDeviceAsItWas() {
        for (FakeSyncServer.Cut cut : FakeSyncServer.Cut.values()) {
            try (SyncClient client = SyncClient.open(new SyncClient.Config()
                    .database(dir.resolve("cut-" + cut + ".db"))
                    .server(server.uri())
                    .retry(
                            new RetryPolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(5), 2.0, 0.5),
                            sleeps::add,
                            () -> 0.0))) {
                client.register("director-renzhuang", "secret", "test");
                client.sync();
                String cursor = client.store().meta(MetaKeys.CURSOR);
                server.upsert(
                        "client", "half-" + cut, "410225101201", Json.object().put("name", "李四"));
                client.edits().logVisit(new VisitLog(UUID.randomUUID(), "PHONE_CALL", Instant.now(), 5, "电话", null));
                server.cuts.add(cut);

                assertThatThrownBy(client::sync)
                        .as(cut.name())
                        .isInstanceOfSatisfying(
                                SyncException.class, e -> assertThat(e.status()).isZero());

                assertThat(client.store().record("client", "half-" + cut))
                        .as(cut + ": nothing of the cut answer applied")
                        .isEmpty();
                assertThat(client.store().meta(MetaKeys.CURSOR)).isEqualTo(cursor);
                assertThat(client.queries().pendingCount())
                        .as(cut + ": the visit stays queued although the server has it")
                        .isEqualTo(1);

                client.sync(); // the link is good again: the same mutation, answered from the stored result

                assertThat(client.queries().pendingCount()).isZero();
                assertThat(client.store().record("client", "half-" + cut)).isPresent();
                assertThat(server.applications.values()).containsOnly(1);
            }
        }
    }

    @Test
    void sendsAndReceivesGzip() {
        try (SyncClient client = open(server.uri())) {
            client.register("director-renzhuang", "secret", "test");
            server.upsert("client", "c1", "410225101201", Json.object().put("name", "王小明"));

            client.sync();

            assertThat(server.requestEncodings).containsOnly("gzip");
            assertThat(client.store().record("client", "c1").orElseThrow().field("name"))
                    .isEqualTo("王小明");
        }
    }

    @Test
    void halvesTheBatchWhenTheServerRefusesItsSize() {
        try (SyncClient client = open(server.uri())) {
            client.register("director-renzhuang", "secret", "test");
            for (int i = 0; i < 5; i++) {
                client.edits()
                        .logVisit(new VisitLog(UUID.randomUUID(), "PHONE_CALL", Instant.now(), 5, "电话" + i, null));
            }
            server.limits.put("maxMutationsPerSync", 2);

            SyncReport report = client.sync();

            assertThat(report.applied()).isEqualTo(5);
            assertThat(client.queries().pendingCount()).isZero();
            assertThat(server.applications.values()).containsOnly(1);
        }
    }

    private SyncClient open(java.net.URI uri) {
        return open(uri, "device.db");
    }

    private SyncClient open(java.net.URI uri, String file) {
        return SyncClient.open(
                new SyncClient.Config().database(dir.resolve(file)).server(uri).retry(POLICY, sleeps::add, () -> 0.0));
    }
}
