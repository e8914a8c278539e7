package org.casework.sync.server.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import lombok.RequiredArgsConstructor;
import org.casework.core.devices.Device;
import org.casework.core.devices.DeviceRepository;
import org.casework.core.security.Actor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pull half of a sync (protocol §2.2, §2.3): scope removals, full pages of new scopes (the
 * initial sync, a village gained, a resync), then the change log since the cursor as field deltas,
 * and checksums when the device is up to date.
 *
 * <p>{@link #stream} hands the changes out as they are read, page by page ({@code
 * casework.sync.stream.page-records}, 200), each page in a short transaction of its own, so the
 * answer can leave while the rest is read and no database connection waits on a slow link (docs/
 * benchmarks.md, issue 16); the cursor and checksums come last. {@link #pull} collects the same
 * changes into one list in one transaction.
 */
@Service
@RequiredArgsConstructor
public class PullService {

    public static final int MAX_LIMIT = 2000;

    private final ChangeLog log;
    private final SyncReader reader;
    private final SyncScope scopes;
    private final SyncChecksums checksums;
    private final DeviceRepository devices;
    private final JdbcTemplate jdbc;
    private final PlatformTransactionManager transactions;

    /** The first page of a snapshot: about 16 KB of JSON (the first send), then pages double. */
    private static final int FIRST_PAGE = 25;

    /** Records read per page (per short transaction) while streaming. */
    @Value("${casework.sync.stream.page-records:200}")
    private int pageRecords = 200;

    public record Pull(
            List<SyncChange> changes,
            String cursor,
            boolean more,
            Map<String, String> checksums,
            List<String> resync) {}

    /** Where the changes of a streamed pull go, in order, as they are read. */
    @FunctionalInterface
    public interface Sink {
        void change(SyncChange change);
    }

    /** What comes after the changes: the new cursor, more, checksums, resync; and how many changes went out. */
    public record Tail(String cursor, boolean more, Map<String, String> checksums, List<String> resync, int changes) {}

    /** Rows of the change log grouped per record, fields unioned (null = all). */
    record Pending(String type, String id, String scope, String op, Set<String> fields) {}

    /** The pull's changes as one list, read in one transaction. */
    @Transactional
    public Pull pull(
            Actor actor,
            java.util.UUID deviceId,
            String cursorText,
            Map<String, String> deviceChecksums,
            Integer limitAsked) {
        List<SyncChange> changes = new ArrayList<>();
        Tail tail = stream(actor, deviceId, cursorText, deviceChecksums, limitAsked, changes::add);
        return new Pull(changes, tail.cursor(), tail.more(), tail.checksums(), tail.resync());
    }

    /** Counts what went out and which scopes it touched; the changes themselves are not kept. */
    private static final class Out {
        final Sink sink;
        int count;
        final Set<String> touched = new java.util.HashSet<>();

        Out(Sink sink) {
            this.sink = sink;
        }

        void emit(SyncChange c) {
            count++;
            touched.add(c.scope() != null ? c.scope() : c.id());
            sink.change(c);
        }
    }

    private record Start(Set<String> keys, SyncCursor cursor, List<SyncChange> changes) {}

    /**
     * The pull, handing each change to {@code sink} as soon as its page is read: the scope and cursor
     * in a first transaction, then each page in its own (the sink never runs inside one), then the
     * checksums. Returns the cursor and the rest that follow the changes.
     */
    public Tail stream(
            Actor actor,
            java.util.UUID deviceId,
            String cursorText,
            Map<String, String> deviceChecksums,
            Integer limitAsked,
            Sink sink) {
        int limit = limitAsked == null || limitAsked <= 0 ? 500 : Math.min(limitAsked, MAX_LIMIT);
        Out out = new Out(sink);
        Start start = inTransaction(() -> start(actor, deviceId, cursorText));
        Set<String> keys = start.keys();
        SyncCursor cursor = start.cursor();
        start.changes().forEach(out::emit);

        boolean more = false;
        if (cursor.snapshotting()) {
            cursor = snapshot(actor, cursor, out, limit);
            more = cursor.snapshotting();
        }
        if (!more) {
            long before = cursor.seq();
            long seq = steady(actor, keys, cursor.seq(), out, limit - Math.min(out.count, limit - 1));
            more = seq < 0;
            cursor = new SyncCursor(more ? -seq : seq, List.of(), 0, null);
            if (!more && seq < before) {
                cursor = new SyncCursor(before, List.of(), 0, null);
            }
        }
        Map<String, String> sums = new TreeMap<>();
        List<String> resync = new ArrayList<>();
        if (!more) {
            inTransaction(() -> {
                for (String key : keys) {
                    sums.put(key, checksums.of(actor, key));
                }
                return null;
            });
            if (deviceChecksums != null) {
                // The device's checksums describe what it held at the cursor, before this answer.
                // They can only be compared for scopes this answer leaves untouched: a scope with a
                // change since the cursor differs now by design, and is checked at the next sync.
                deviceChecksums.forEach((key, sum) -> {
                    if (keys.contains(key)
                            && !out.touched.contains(key)
                            && sum != null
                            && !sum.equalsIgnoreCase(sums.get(key))) {
                        resync.add(key);
                    }
                });
            }
            if (!resync.isEmpty()) {
                cursor = new SyncCursor(cursor.seq(), resync, 0, null);
            }
        }
        return new Tail(cursor.encode(), more, sums, resync, out.count);
    }

    /** Joins the caller's transaction if there is one ({@link #pull}), else a short one of its own. */
    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        return new TransactionTemplate(transactions).execute(status -> work.get());
    }

    /** The device's scope and cursor, scope removals and assignment changes; remembers the scope. */
    private Start start(Actor actor, java.util.UUID deviceId, String cursorText) {
        Set<String> keys = scopes.keys(actor);
        Device device = devices.findById(deviceId).orElseThrow();
        List<SyncChange> changes = new ArrayList<>();
        SyncCursor cursor;
        if (cursorText == null || cursorText.isBlank()) {
            cursor = new SyncCursor(log.highWaterMark(), List.copyOf(keys), 0, null);
        } else {
            cursor = SyncCursor.decode(cursorText);
            Set<String> previous = device.hasSynced() ? device.scopeKeySet() : keys;
            List<String> snapshot = new ArrayList<>();
            for (String key : cursor.snapshot()) {
                if (keys.contains(key)) {
                    snapshot.add(key);
                }
            }
            for (String key : previous) {
                if (!keys.contains(key)) {
                    // The user lost this village: the device drops its records, nothing else.
                    changes.add(SyncChange.scopeRemoved(key));
                }
            }
            for (String key : keys) {
                if (!previous.contains(key) && !snapshot.contains(key)) {
                    snapshot.add(key);
                }
            }
            boolean sameHead = !snapshot.isEmpty()
                    && !cursor.snapshot().isEmpty()
                    && snapshot.get(0).equals(cursor.snapshot().get(0));
            cursor = new SyncCursor(
                    cursor.seq(), snapshot, sameHead ? cursor.typeIndex() : 0, sameHead ? cursor.afterId() : null);
        }
        String held = null;
        if (SyncScope.byAssignment(actor)) {
            Map<String, String> now = scopes.held(actor, keys);
            if (cursorText != null && !cursorText.isBlank() && device.hasSynced()) {
                assignmentChanges(actor, SyncScope.parseHeld(device.getHeldRecords()), now, keys, cursor, changes);
            }
            held = SyncScope.heldText(now);
        }
        // An atomic update, not an entity save: a concurrent sync of the same device must not
        // fail on the row's version (both compute the same scope).
        devices.rememberScope(deviceId, Device.scopeKeysText(keys), held);
        return new Start(keys, cursor, changes);
    }

    /**
     * A station worker's scope follows case assignments: records of clients no longer assigned
     * (case closed, reassigned) are removed one by one, those newly assigned are sent in full —
     * never a wipe. Keys lost or gained whole are handled by scope removal and paging.
     */
    private void assignmentChanges(
            Actor actor,
            Map<String, String> before,
            Map<String, String> now,
            Set<String> keys,
            SyncCursor cursor,
            List<SyncChange> changes) {
        before.forEach((record, scope) -> {
            if (!scope.equals(now.get(record)) && keys.contains(scope)) {
                String[] parts = record.split(":", 2);
                changes.add(SyncChange.remove(parts[0], parts[1], scope));
                if (ChangeLog.CLIENT.equals(parts[0])) {
                    changes.add(SyncChange.remove(ChangeLog.VISIT_DUE, parts[1], scope));
                }
            }
        });
        Map<String, List<String>> added = new LinkedHashMap<>();
        now.forEach((record, scope) -> {
            if (!scope.equals(before.get(record)) && !cursor.snapshot().contains(scope)) {
                String[] parts = record.split(":", 2);
                added.computeIfAbsent(scope + "|" + parts[0], g -> new ArrayList<>())
                        .add(parts[1]);
                if (ChangeLog.CLIENT.equals(parts[0])) {
                    added.computeIfAbsent(scope + "|" + ChangeLog.VISIT_DUE, g -> new ArrayList<>())
                            .add(parts[1]);
                }
            }
        });
        added.forEach((group, ids) -> {
            String[] parts = group.split("\\|");
            reader.load(actor, parts[0], parts[1], ids).values().stream()
                    .sorted((a, b) -> a.id().compareTo(b.id()))
                    .forEach(r -> changes.add(SyncChange.upsert(r)));
        });
    }

    /**
     * Sends full records of the scopes still to page, {@link #pageRecords} at a time; returns the
     * cursor after what was sent. Pages are read by id after the last one sent, so the pages of one
     * answer are the same records, in the same order, as one page of the whole room.
     */
    private SyncCursor snapshot(Actor actor, SyncCursor cursor, Out out, int limit) {
        List<String> scopes = new ArrayList<>(cursor.snapshot());
        int typeIndex = cursor.typeIndex();
        String after = cursor.afterId();
        // the first pages small, so the answer's first bytes leave early; then pageRecords each
        int pageSize = Math.max(1, Math.min(pageRecords, FIRST_PAGE));
        while (!scopes.isEmpty() && out.count < limit) {
            String scope = scopes.get(0);
            List<String> types = SyncScope.REF.equals(scope) ? SyncReader.REF_TYPES : SyncReader.VILLAGE_TYPES;
            if (typeIndex >= types.size()) {
                scopes.remove(0);
                typeIndex = 0;
                after = null;
                continue;
            }
            int size = Math.min(limit - out.count, pageSize);
            pageSize = Math.min(Math.max(1, pageRecords), pageSize * 2);
            String type = types.get(typeIndex);
            String from = after;
            List<SyncRecord> page = inTransaction(() -> reader.page(actor, scope, type, from, size));
            page.forEach(r -> out.emit(SyncChange.upsert(r)));
            if (page.size() < size) {
                typeIndex++;
                after = null;
            } else {
                after = page.get(page.size() - 1).id();
            }
        }
        // Pages ended exactly at a scope's end: drop the finished scopes so "more" is accurate.
        while (!scopes.isEmpty()) {
            List<String> types = SyncScope.REF.equals(scopes.get(0)) ? SyncReader.REF_TYPES : SyncReader.VILLAGE_TYPES;
            if (typeIndex < types.size()) {
                break;
            }
            scopes.remove(0);
            typeIndex = 0;
            after = null;
        }
        return new SyncCursor(cursor.seq(), scopes, typeIndex, after);
    }

    /** The change log rows of a steady pull, grouped per record, with the high-water mark they were read under. */
    private record LogPage(long high, int rows, long last, List<Pending> pending) {}

    /**
     * Changes since {@code from} in the device's scope keys: returns the new sequence, negative when
     * the limit cut the page (more to come). The log rows are read in one short transaction; the
     * records they name are loaded {@link #pageRecords} at a time, each batch in its own.
     */
    private long steady(Actor actor, Set<String> keys, long from, Out out, int room) {
        LogPage log = inTransaction(() -> logSince(keys, from, room));
        if (log == null) {
            return -from;
        }
        List<Pending> pending = log.pending();
        int size = Math.max(1, pageRecords);
        for (int start = 0; start < pending.size(); start += size) {
            List<Pending> batch = pending.subList(start, Math.min(pending.size(), start + size));
            // Load current records per (scope, type) in one query each.
            Map<String, Map<String, SyncRecord>> current = inTransaction(() -> {
                Map<String, Map<String, SyncRecord>> found = new HashMap<>();
                Map<String, List<String>> idsByGroup = new LinkedHashMap<>();
                for (Pending p : batch) {
                    if ("U".equals(p.op)) {
                        idsByGroup
                                .computeIfAbsent(p.scope + "|" + p.type, g -> new ArrayList<>())
                                .add(p.id);
                    }
                }
                idsByGroup.forEach((group, ids) -> {
                    String[] parts = group.split("\\|");
                    found.put(group, reader.load(actor, parts[0], parts[1], ids));
                });
                return found;
            });
            for (Pending p : batch) {
                SyncChange change = change(actor, p, current);
                if (change != null) {
                    out.emit(change);
                }
            }
        }
        if (log.rows() >= room) {
            return -log.last();
        }
        return log.high();
    }

    /** The log rows since {@code from}, grouped per record in the order of their last row; null when room is 0. */
    private LogPage logSince(Set<String> keys, long from, int room) {
        long high = log.highWaterMark();
        List<String> villageKeys =
                keys.stream().filter(k -> !SyncScope.REF.equals(k)).toList();
        if (room <= 0) {
            return null;
        }
        if (villageKeys.isEmpty()) {
            return new LogPage(high, 0, from, List.of());
        }
        String in = String.join(",", villageKeys.stream().map(k -> "?").toList());
        List<Object> args = new ArrayList<>(villageKeys);
        args.add(from);
        args.add(high);
        args.add(room);
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT seq, scope_key, record_type, record_id, op, fields FROM sync_change WHERE scope_key IN (" + in
                        + ") AND seq > ? AND seq <= ? ORDER BY seq LIMIT ?",
                args.toArray());
        Map<String, Pending> pending = new LinkedHashMap<>();
        long last = from;
        for (Map<String, Object> row : rows) {
            last = ((Number) row.get("SEQ") == null ? (Number) row.get("seq") : (Number) row.get("SEQ")).longValue();
            String scope = (String) value(row, "scope_key");
            String type = (String) value(row, "record_type");
            String id = (String) value(row, "record_id");
            String op = (String) value(row, "op");
            String fields = (String) value(row, "fields");
            String key = type + "|" + id + "|" + scope;
            Pending old = pending.remove(key);
            Set<String> merged;
            if ("D".equals(op)) {
                merged = null;
            } else if (old == null || "D".equals(old.op)) {
                merged = fields == null ? null : new LinkedHashSet<>(List.of(fields.split(",")));
            } else if (old.fields == null || fields == null) {
                merged = null;
            } else {
                merged = new LinkedHashSet<>(old.fields);
                merged.addAll(List.of(fields.split(",")));
            }
            pending.put(key, new Pending(type, id, scope, op.trim(), merged));
        }
        return new LogPage(high, rows.size(), last, new ArrayList<>(pending.values()));
    }

    /** The change a grouped log row becomes, or null when there is nothing to send. */
    private static SyncChange change(Actor actor, Pending p, Map<String, Map<String, SyncRecord>> current) {
        if ("D".equals(p.op)) {
            return SyncChange.remove(p.type, p.id, p.scope);
        }
        SyncRecord record = current.get(p.scope + "|" + p.type).get(p.id);
        if (record == null) {
            // Flags, visits and cases not readable here are someone else's; a station worker's
            // records outside their assignments were never sent (removals come from the held set).
            if (!ChangeLog.FLAG.equals(p.type)
                    && !ChangeLog.VISIT.equals(p.type)
                    && !ChangeLog.CASE.equals(p.type)
                    && !SyncScope.byAssignment(actor)) {
                return SyncChange.remove(p.type, p.id, p.scope);
            }
            return null;
        }
        return SyncChange.upsert(record, p.fields);
    }

    private static Object value(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v != null ? v : row.get(column.toUpperCase());
    }
}
