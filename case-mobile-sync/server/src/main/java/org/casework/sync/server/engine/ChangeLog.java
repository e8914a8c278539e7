package org.casework.sync.server.engine;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.casework.sync.protocol.SyncNames;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends rows to the change log that device cursors read. Rows are collected during the
 * transaction and numbered at its very end ({@code beforeCommit}) under a lock on the single
 * {@code sync_sequence} row, held until commit: so a transaction that took number N commits before
 * any transaction can take N+1, and a reader that has seen N never misses a smaller number that
 * commits late. Numbering early (an identity column) would let a slow transaction commit a lower
 * number after a reader has moved past it.
 */
@Component
@RequiredArgsConstructor
public class ChangeLog {

    /** Protocol record types (docs/sync-protocol.md §3), named once in the protocol module. */
    public static final String CLIENT = SyncNames.RecordType.CLIENT;

    public static final String HOUSEHOLD = SyncNames.RecordType.HOUSEHOLD;
    public static final String VISIT_DUE = SyncNames.RecordType.VISIT_DUE;
    public static final String FLAG = SyncNames.RecordType.FLAG;
    public static final String VISIT = SyncNames.RecordType.VISIT;
    public static final String CASE = SyncNames.RecordType.CASE;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    /** A change waiting for its number; fields null = all fields. */
    record Pending(String scopeKey, String recordType, String recordId, char op, Set<String> fields) {}

    /** Records that a record of a scope key changed (fields null or empty = all of them). */
    public void changed(String scopeKey, String recordType, Object recordId, Collection<String> fields) {
        add(scopeKey, recordType, String.valueOf(recordId), 'U', fields);
    }

    /** Records that a record left a scope key (it moved to another village). */
    public void removed(String scopeKey, String recordType, Object recordId) {
        add(scopeKey, recordType, String.valueOf(recordId), 'D', null);
    }

    /** The scope key this transaction or the log last recorded for the record, if any. */
    public String lastScopeOf(String recordType, Object recordId) {
        String id = String.valueOf(recordId);
        Buffer buffer = buffer(false);
        if (buffer != null) {
            String found = null;
            for (Pending p : buffer.rows.values()) {
                if (p.recordType.equals(recordType) && p.recordId.equals(id) && p.op == 'U') {
                    found = p.scopeKey;
                }
            }
            if (found != null) {
                return found;
            }
        }
        List<String> keys = jdbc.queryForList(
                "SELECT scope_key FROM sync_change WHERE record_type = ? AND record_id = ? AND op = 'U'"
                        + " ORDER BY seq DESC LIMIT 1",
                String.class,
                recordType,
                id);
        return keys.isEmpty() ? null : keys.get(0);
    }

    /** The highest number committed so far: everything at or below it is visible to readers. */
    public long highWaterMark() {
        Long next = jdbc.queryForObject("SELECT next_value FROM sync_sequence WHERE id = 1", Long.class);
        return next == null ? 0 : next - 1;
    }

    private void add(String scopeKey, String recordType, String recordId, char op, Collection<String> fields) {
        if (scopeKey == null) {
            return;
        }
        Buffer buffer = buffer(true);
        if (buffer == null) {
            // No transaction to wait for: number the row at once (still under the lock).
            write(List.of(new Pending(scopeKey, recordType, recordId, op, fieldSet(fields))));
            return;
        }
        String key = scopeKey + "|" + recordType + "|" + recordId + "|" + op;
        Pending existing = buffer.rows.get(key);
        Set<String> merged;
        if (existing == null) {
            merged = fieldSet(fields);
        } else if (existing.fields == null || fields == null || fields.isEmpty()) {
            merged = null;
        } else {
            merged = new LinkedHashSet<>(existing.fields);
            merged.addAll(fields);
        }
        buffer.rows.remove(key);
        buffer.rows.put(key, new Pending(scopeKey, recordType, recordId, op, merged));
    }

    private static Set<String> fieldSet(Collection<String> fields) {
        return fields == null || fields.isEmpty() ? null : new LinkedHashSet<>(fields);
    }

    private Buffer buffer(boolean create) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Buffer buffer = (Buffer) TransactionSynchronizationManager.getResource(this);
        if (buffer == null && create) {
            buffer = new Buffer();
            TransactionSynchronizationManager.bindResource(this, buffer);
            Buffer bound = buffer;
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public int getOrder() {
                    // Last among the synchronizations, so the lock is held as briefly as possible.
                    return Integer.MAX_VALUE;
                }

                @Override
                public void beforeCommit(boolean readOnly) {
                    write(new ArrayList<>(bound.rows.values()));
                    bound.rows.clear();
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(ChangeLog.this);
                }
            });
        }
        return buffer;
    }

    private void write(List<Pending> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Long next = jdbc.queryForObject("SELECT next_value FROM sync_sequence WHERE id = 1 FOR UPDATE", Long.class);
        long seq = next == null ? 1 : next;
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> args = new ArrayList<>();
        for (Pending p : rows) {
            args.add(new Object[] {
                seq++,
                p.scopeKey,
                p.recordType,
                p.recordId,
                String.valueOf(p.op),
                p.fields == null ? null : truncate(String.join(",", p.fields)),
                now
            });
        }
        jdbc.batchUpdate(
                "INSERT INTO sync_change (seq, scope_key, record_type, record_id, op, fields, changed_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                args);
        jdbc.update("UPDATE sync_sequence SET next_value = ? WHERE id = 1", seq);
    }

    private static String truncate(String fields) {
        // Too many names to store: "all fields" is always a correct (if larger) answer.
        return fields.length() > 1000 ? null : fields;
    }

    private static final class Buffer {
        private final Map<String, Pending> rows = new LinkedHashMap<>();
    }
}
