package org.casework.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.casework.core.clients.ResidentIdNumber;
import org.casework.core.ledgers.LedgerExportService;
import org.casework.core.ledgers.LedgerKind;
import org.casework.core.ledgers.LedgerRequest;
import org.casework.core.security.Actor;
import org.casework.core.security.ActorDetails;
import org.casework.core.security.Role;
import org.casework.core.shared.FieldCipher;
import org.casework.core.shared.RegionCode;
import org.casework.it.IntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A county-wide 老年人台账 of 100,000 rows and a 困境儿童台账 of 10,000, streamed to a counting
 * stream: prints rows, file size, time and the peak heap above the baseline while writing. Memory
 * is bounded when the peak for 100,000 rows is about the same as for 10,000. Run with {@code
 * ./mvnw verify -Pbenchmark -pl case-web -am -Dtest=LedgerExportBenchmark}; see docs/benchmarks.md.
 */
@Tag("benchmark")
@IntegrationTest
class LedgerExportBenchmark {

    private static final int ELDERLY = Integer.getInteger("bench.ledger.rows", 100_000);
    private static final int CHILDREN = ELDERLY / 10;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    FieldCipher cipher;

    @Autowired
    LedgerExportService exports;

    @Test
    void aHundredThousandRowLedgerStreamsInBoundedMemory() throws Exception {
        List<String> villages = jdbc.queryForList(
                "select code from region where level = 'VILLAGE' and code like '410225%' order by code", String.class);
        long before = jdbc.queryForObject("select count(*) from client", Long.class);
        insert(villages, ELDERLY, "ELDERLY", "LIVING_ALONE", 70);
        insert(villages, CHILDREN, "CHILD_IN_DIFFICULTY", "ORPHAN", 9);
        String database = dataSource.getConnection().getMetaData().getDatabaseProductName();

        runAs("county-sup", Role.COUNTY_SUPERVISOR, "410225");
        try {
            String small = measure(LedgerKind.CHILDREN_IN_DIFFICULTY, CHILDREN);
            String large = measure(LedgerKind.ELDERLY, ELDERLY);
            String report = "Ledger export benchmark (" + database + ", " + (before + ELDERLY + CHILDREN)
                    + " clients, JVM heap max " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB)\n"
                    + small + large;
            System.out.println(report);
            Files.writeString(Path.of("target", "benchmark-ledgers-" + database.toLowerCase() + ".txt"), report);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private String measure(LedgerKind kind, int atLeast) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(baseline);
        AtomicLong retained = new AtomicLong(baseline);
        AtomicBoolean running = new AtomicBoolean(true);
        // "used" right after a collection is what the export holds on to; "used" at any moment also
        // counts garbage not yet collected, which grows with the heap the JVM was given
        Thread sampler = new Thread(() -> {
            long lastGc = System.nanoTime();
            while (running.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                if (System.nanoTime() - lastGc > 1_000_000_000L) {
                    System.gc();
                    retained.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    lastGc = System.nanoTime();
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        CountingStream out = new CountingStream();
        long start = System.nanoTime();
        int rows = exports.export(
                new LedgerRequest(kind, null, LocalDate.now().minusYears(1), LocalDate.now(), false, null),
                (key, args) -> key,
                out);
        long millis = (System.nanoTime() - start) / 1_000_000;
        running.set(false);
        sampler.join();
        assertThat(rows).isGreaterThanOrEqualTo(atLeast);
        return ("%-24s %7d rows  %6.1f MiB xlsx  %6d ms  heap above baseline: retained (after GC, sampled each"
                        + " second) max %6.1f MiB, used incl. garbage max %6.1f MiB%n")
                .formatted(
                        kind,
                        rows,
                        out.count / 1048576.0,
                        millis,
                        (retained.get() - baseline) / 1048576.0,
                        (peak.get() - baseline) / 1048576.0);
    }

    private void insert(List<String> villages, int count, String category, String subType, int age) {
        Timestamp now = Timestamp.from(Instant.now());
        LocalDate born = LocalDate.now().minusYears(age).minusDays(30);
        String id = cipher.encrypt(ResidentIdNumber.of("410225", born, 7).value());
        String phone = cipher.encrypt("13800138000");
        List<Object[]> clients = new ArrayList<>();
        List<Object[]> categories = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID clientId = UUID.randomUUID();
            clients.add(new Object[] {
                bytes(clientId),
                "基准老人",
                "jizhunlaoren",
                "jzlr",
                i % 2 == 0 ? "MALE" : "FEMALE",
                Date.valueOf(born),
                id,
                phone,
                villages.get(i % villages.size()),
                now
            });
            categories.add(new Object[] {
                bytes(UUID.randomUUID()),
                bytes(clientId),
                category,
                subType,
                Date.valueOf(LocalDate.now().minusDays(200)),
                now
            });
            if (clients.size() == 2000 || i == count - 1) {
                jdbc.batchUpdate(
                        "insert into client (id, version, full_name, name_pinyin, name_initials, sex, birth_date,"
                                + " id_number_enc, phone_enc, residence_region_code, created_at, created_by)"
                                + " values (?,0,?,?,?,?,?,?,?,?,?,'benchmark')",
                        clients);
                jdbc.batchUpdate(
                        "insert into client_category (id, client_id, type, sub_type, valid_from, source, recorded_by,"
                                + " recorded_at) values (?,?,?,?,?,'OUTREACH','benchmark',?)",
                        categories);
                clients.clear();
                categories.clear();
            }
        }
    }

    private void runAs(String username, Role role, String jurisdiction) {
        byte[] raw = jdbc.queryForObject("select id from user_account where username = ?", byte[].class, username);
        var buffer = java.nio.ByteBuffer.wrap(raw);
        Actor actor = new Actor(
                new UUID(buffer.getLong(), buffer.getLong()), username, role, new RegionCode(jurisdiction), null);
        ActorDetails details = new ActorDetails(actor, "", true, false);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
        SecurityContextHolder.setContext(context);
    }

    private static byte[] bytes(UUID id) {
        return java.nio.ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
    }

    /** Discards what it is given and counts the bytes. */
    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            count += len;
        }
    }
}
