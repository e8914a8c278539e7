package org.casework.sync.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.LongStream;
import org.casework.sync.client.OfflineEdits.FlagReport;
import org.casework.sync.client.OfflineEdits.VisitLog;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Random edits, syncs and faults (server errors, responses dropped after commit, a result not
 * recorded, the app killed and restarted, server-side changes), one seeded run per seed. After a
 * quiet sync: every edit reached the server exactly once with contiguous counters, nothing is
 * left queued or pending, and the checksums agree.
 */
class FaultExplorationTest {

    static final String VILLAGE = "410225101201";
    static final String CHILD = "7d1f6a2e-0000-4000-8000-000000000001";

    @TempDir
    Path dir;

    /** 40 seeds in the ordinary build; more with {@code -Dcasework.sync.seeds=1000}. */
    static LongStream seeds() {
        return LongStream.rangeClosed(1, Long.getLong("casework.sync.seeds", 40));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyEditArrivesExactlyOnceAndTheStoresConverge(long seed) throws Exception {
        Random random = new Random(seed);
        Path db = Files.createTempFile(dir, "device", ".db");
        Files.delete(db);
        List<String> mutationIds = new ArrayList<>();
        try (FakeSyncServer server = new FakeSyncServer()) {
            server.upsert(
                    "client", CHILD, VILLAGE, Json.object().put("name", "王小明").put("school", "任庄小学"));
            SyncClient client = open(server, db, random);
            client.register("director-renzhuang", "secret", "seed-" + seed);
            client.sync();
            for (int step = 0; step < 25; step++) {
                switch (random.nextInt(9)) {
                    case 0, 1, 2 -> mutationIds.add(edit(client, random));
                    case 3 -> server.failuresToInject = 1 + random.nextInt(3);
                    case 4 -> server.dropNextResponseAfterCommit = true;
                    case 5 -> server.withholdCounterOnce = lastCounter(client);
                    case 6 -> {
                        client.close(); // the app is killed; the file is all that is left
                        client = open(server, db, random);
                    }
                    case 7 ->
                        server.upsert(
                                "household",
                                "h" + random.nextInt(5),
                                VILLAGE,
                                Json.object().put("members", random.nextInt(6)));
                    default -> {}
                }
                if (random.nextInt(3) == 0) {
                    trySync(client);
                }
            }
            server.failuresToInject = 0;
            server.dropNextResponseAfterCommit = false;
            server.withholdCounterOnce = null;
            for (int i = 0; i < 3 && client.queries().pendingCount() > 0; i++) {
                client.sync();
            }
            client.sync();

            assertThat(client.queries().pendingCount())
                    .as("seed %d: queue empty", seed)
                    .isZero();
            assertThat(server.applications.keySet())
                    .as("seed %d: every edit applied", seed)
                    .containsExactlyInAnyOrderElementsOf(mutationIds);
            assertThat(server.applications.values())
                    .as("seed %d: exactly once", seed)
                    .containsOnly(1);
            assertThat(server.recorded)
                    .as("seed %d: contiguous counters", seed)
                    .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, mutationIds.size())
                            .boxed()
                            .toList());
            assertThat(client.store().records("where state = 'PENDING'"))
                    .as("seed %d: nothing pending", seed)
                    .isEmpty();
            JsonNode last = server.requests.get(server.requests.size() - 1);
            assertThat(last.get("mutations")).isEmpty();
            for (String scope : Set.copyOf(scopesOf(server))) {
                assertThat(Checksums.of(client.store().records("where scope = ?", scope)))
                        .as("seed %d: checksum of %s", seed, scope)
                        .isEqualTo(Checksums.of(serverRecords(server, scope)));
            }
            client.close();
        }
    }

    private static SyncClient open(FakeSyncServer server, Path db, Random random) {
        return SyncClient.open(new SyncClient.Config()
                .database(db)
                .server(server.uri())
                .retry(
                        new RetryPolicy(1 + random.nextInt(3), Duration.ofMillis(1), Duration.ofMillis(1), 2, 0.5),
                        d -> {},
                        random::nextDouble)
                .pullLimit(1 + random.nextInt(4)));
    }

    private static String edit(SyncClient client, Random random) {
        UUID child = UUID.fromString(CHILD);
        switch (random.nextInt(3)) {
            case 0 -> client.edits().logVisit(new VisitLog(child, "HOME_VISIT", Instant.now(), 20, "家访", null));
            case 1 ->
                client.edits()
                        .raiseFlag(new FlagReport(
                                child,
                                null,
                                null,
                                null,
                                null,
                                VILLAGE,
                                "NEGLECT",
                                "ORANGE",
                                "无人照看",
                                Instant.now(),
                                null));
            default -> client.edits().editProfile(child, Map.of("school", "学校" + random.nextInt(100)));
        }
        List<OutboxItem> outbox = client.store().outbox().items();
        return outbox.get(outbox.size() - 1).mutationId();
    }

    private static Long lastCounter(SyncClient client) {
        String last = client.store().meta(MetaKeys.LAST_COUNTER);
        return last == null ? null : Long.parseLong(last);
    }

    private static void trySync(SyncClient client) {
        try {
            client.sync();
        } catch (SyncException e) {
            // a failed sync loses nothing: the next one sends the same mutations again
        }
    }

    private static Set<String> scopesOf(FakeSyncServer server) {
        Set<String> scopes = new HashSet<>();
        server.current.values().forEach(c -> scopes.add(c.get("s").asString()));
        return scopes;
    }

    private static List<StoredRecord> serverRecords(FakeSyncServer server, String scope) {
        return server.current.values().stream()
                .filter(c -> scope.equals(c.get("s").asString()))
                .map(c -> new StoredRecord(
                        c.get("t").asString(),
                        c.get("id").asString(),
                        scope,
                        c.get("v").asLong(),
                        null,
                        null,
                        null))
                .toList();
    }
}
