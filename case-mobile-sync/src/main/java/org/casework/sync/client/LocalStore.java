package org.casework.sync.client;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import tools.jackson.databind.node.ObjectNode;

/**
 * The device's SQLite file: records, the outbox and meta. Every change that must survive a crash
 * together (an edit and its outbox row; a sync response and its cursor) goes through {@link
 * #inTransaction}. One connection, used by one thread at a time.
 */
public final class LocalStore implements AutoCloseable {

    private static final String[] SCHEMA = {
        """
        create table if not exists record (
          t text not null, id text not null, scope text, v integer, f text not null,
          state text not null, reason text, resync integer not null default 0,
          primary key (t, id))""",
        "create index if not exists record_scope on record (scope)",
        """
        create table if not exists outbox (
          counter integer primary key, mutation_id text not null unique, type text not null,
          entity_type text not null, entity_id text not null, payload text not null,
          state text not null, result text)""",
        "create table if not exists meta (k text primary key, v text)"
    };

    /** Work run inside one local transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws SQLException;
    }

    private final Connection db;
    private int depth;

    private LocalStore(Connection db) {
        this.db = db;
    }

    /** Opens (and creates when missing) the store in {@code file}. */
    public static LocalStore open(Path file) {
        try {
            Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement st = db.createStatement()) {
                // a committed edit must be on disk before the user is told it is saved
                st.execute("pragma journal_mode=wal");
                st.execute("pragma synchronous=full");
                for (String ddl : SCHEMA) {
                    st.execute(ddl);
                }
            }
            return new LocalStore(db);
        } catch (SQLException e) {
            throw new StoreException("cannot open the local store " + file, e);
        }
    }

    /** Runs {@code work} in one transaction (nested calls join the outer one). */
    public synchronized <T> T inTransaction(Work<T> work) {
        try {
            if (depth > 0) {
                depth++;
                try {
                    return work.run();
                } finally {
                    depth--;
                }
            }
            db.setAutoCommit(false);
            depth = 1;
            try {
                T result = work.run();
                db.commit();
                return result;
            } catch (RuntimeException | SQLException e) {
                db.rollback();
                throw e;
            } finally {
                depth = 0;
                db.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("local store failure", e);
        }
    }

    // ---- meta

    public String meta(String key) {
        return inTransaction(() -> {
            try (PreparedStatement ps = db.prepareStatement("select v from meta where k = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    void putMeta(String key, String value) {
        inTransaction(() -> {
            if (value == null) {
                return update("delete from meta where k = ?", key);
            }
            return update(
                    "insert into meta (k, v) values (?, ?) on conflict (k) do update set v = excluded.v", key, value);
        });
    }

    // ---- records

    public Optional<StoredRecord> record(String type, String id) {
        List<StoredRecord> found = records("where t = ? and id = ?", type, id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    public List<StoredRecord> recordsOfType(String type) {
        return records("where t = ? order by id", type);
    }

    List<StoredRecord> records(String where, Object... args) {
        return inTransaction(() -> {
            try (PreparedStatement ps =
                    db.prepareStatement("select t, id, scope, v, f, state, reason from record " + where)) {
                bind(ps, args);
                List<StoredRecord> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long v = rs.getLong(4);
                        Long version = rs.wasNull() ? null : v;
                        out.add(new StoredRecord(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                version,
                                Json.parseObject(rs.getString(5)),
                                SyncState.valueOf(rs.getString(6)),
                                rs.getString(7)));
                    }
                }
                return out;
            }
        });
    }

    /** Writes a whole record (insert or replace). */
    void saveRecord(StoredRecord r) {
        inTransaction(() -> update(
                """
                insert into record (t, id, scope, v, f, state, reason, resync) values (?, ?, ?, ?, ?, ?, ?, 0)
                on conflict (t, id) do update set scope = excluded.scope, v = excluded.v, f = excluded.f,
                  state = excluded.state, reason = excluded.reason, resync = 0""",
                r.type(),
                r.id(),
                r.scope(),
                r.version(),
                Json.write(r.fields()),
                r.state().name(),
                r.reason()));
    }

    /**
     * Applies a pulled upsert: {@code f} carries only the changed fields, except for a record new to
     * the device or re-sent in full by a resync, which replaces the fields. A known record keeps its
     * sync state (a rejection or conflict stays visible); a new one is synced.
     */
    void upsertFromServer(String type, String id, String scope, Long version, ObjectNode delta) {
        inTransaction(() -> {
            ObjectNode fields = delta;
            SyncState state = SyncState.SYNCED;
            String reason = null;
            try (PreparedStatement ps =
                    db.prepareStatement("select f, state, reason, resync from record where t = ? and id = ?")) {
                bind(ps, type, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        state = SyncState.valueOf(rs.getString(2));
                        reason = rs.getString(3);
                        if (rs.getInt(4) == 0) {
                            fields = Json.parseObject(rs.getString(1));
                            fields.setAll(delta);
                        }
                    }
                }
            }
            saveRecord(new StoredRecord(type, id, scope, version, fields, state, reason));
            return null;
        });
    }

    void setState(String type, String id, SyncState state, String reason) {
        inTransaction(() -> update(
                "update record set state = ?, reason = ? where t = ? and id = ?", state.name(), reason, type, id));
    }

    void deleteRecord(String type, String id) {
        inTransaction(() -> update("delete from record where t = ? and id = ?", type, id));
    }

    /**
     * Removes a scope's server records. Records created offline that the server has not answered
     * (or refused, or set aside) stay so the user still sees what happened to their work.
     */
    void dropScope(String scope) {
        inTransaction(
                () -> update("delete from record where scope = ? and (v is not null or state = 'SYNCED')", scope));
    }

    /** Marks a scope's server records as stale until the full resend of the scope refreshes them. */
    void markForResync(String scope) {
        inTransaction(() -> update("update record set resync = 1 where scope = ? and v is not null", scope));
    }

    /** Deletes the records of a resynced scope that the full resend did not contain. */
    void dropStale(String scope) {
        inTransaction(() -> update("delete from record where scope = ? and resync = 1", scope));
    }

    /** Type, id and version of a scope's server records: all a checksum needs, without the fields. */
    List<StoredRecord> versions(String scope) {
        return inTransaction(() -> {
            try (PreparedStatement ps =
                    db.prepareStatement("select t, id, v from record where scope = ? and v is not null")) {
                bind(ps, scope);
                List<StoredRecord> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new StoredRecord(
                                rs.getString(1), rs.getString(2), scope, rs.getLong(3), null, null, null));
                    }
                }
                return out;
            }
        });
    }

    /** Scope keys of the records the server sent (versioned records). */
    TreeSet<String> serverScopes() {
        return inTransaction(() -> {
            TreeSet<String> scopes = new TreeSet<>();
            try (PreparedStatement ps = db.prepareStatement("select distinct scope from record where v is not null");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    scopes.add(rs.getString(1));
                }
            }
            return scopes;
        });
    }

    // ---- outbox

    /**
     * Appends a mutation with the next counter. Call it inside the transaction that writes the
     * record, so the edit and its outbox row are saved together or not at all.
     */
    OutboxItem append(String type, String entityType, String entityId, ObjectNode payloadWithoutCounter) {
        return inTransaction(() -> {
            String last = meta(MetaKeys.LAST_COUNTER);
            long counter = (last == null ? 0 : Long.parseLong(last)) + 1;
            ObjectNode payload = payloadWithoutCounter.deepCopy();
            payload.put("counter", counter);
            String mutationId = payload.get("id").asString();
            update(
                    "insert into outbox (counter, mutation_id, type, entity_type, entity_id, payload, state)"
                            + " values (?, ?, ?, ?, ?, ?, 'PENDING')",
                    counter,
                    mutationId,
                    type,
                    entityType,
                    entityId,
                    Json.write(payload));
            putMeta(MetaKeys.LAST_COUNTER, Long.toString(counter));
            return new OutboxItem(counter, mutationId, type, entityType, entityId, payload, "PENDING");
        });
    }

    /** The queued mutations in counter order, from {@code afterCounter} (exclusive). */
    public List<OutboxItem> outbox(long afterCounter, int limit) {
        return inTransaction(() -> {
            try (PreparedStatement ps = db.prepareStatement(
                    "select counter, mutation_id, type, entity_type, entity_id, payload, state from outbox"
                            + " where counter > ? order by counter limit ?")) {
                bind(ps, afterCounter, limit);
                List<OutboxItem> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new OutboxItem(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                Json.parseObject(rs.getString(6)),
                                rs.getString(7)));
                    }
                }
                return out;
            }
        });
    }

    public List<OutboxItem> outbox() {
        return outbox(0, Integer.MAX_VALUE);
    }

    void markAnswered(long counter, String resultJson) {
        inTransaction(() ->
                update("update outbox set state = 'ANSWERED', result = ? where counter = ?", resultJson, counter));
    }

    /**
     * Deletes the mutations the server acknowledged: counters 1..ack, never beyond. One the device
     * has no result for yet (its answer was lost) stays queued: sent again, its stored result comes
     * back as a replay, so its record does not stay pending for ever.
     */
    void deleteUpTo(long ack) {
        inTransaction(() -> update("delete from outbox where counter <= ? and state = 'ANSWERED'", ack));
    }

    /** The number of queued mutations (not yet acknowledged by the server). */
    public long pendingCount() {
        return inTransaction(() -> {
            try (PreparedStatement ps = db.prepareStatement("select count(*) from outbox");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Entities with a queued mutation the server has not answered yet. */
    List<String[]> unansweredEntities() {
        return inTransaction(() -> {
            try (PreparedStatement ps = db.prepareStatement(
                            "select distinct entity_type, entity_id from outbox where state = 'PENDING'");
                    ResultSet rs = ps.executeQuery()) {
                List<String[]> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new String[] {rs.getString(1), rs.getString(2)});
                }
                return out;
            }
        });
    }

    // ---- wipe

    /** Deletes everything (records, outbox, tokens): a revoked device keeps nothing of the scope. */
    public synchronized void wipe() {
        clearAll();
        try (Statement st = db.createStatement()) {
            // deleted rows stay readable in free pages until the file is rewritten
            st.execute("vacuum");
        } catch (SQLException e) {
            throw new StoreException("cannot compact the wiped store", e);
        }
    }

    void clearAll() {
        inTransaction(() -> {
            update("delete from record");
            update("delete from outbox");
            return update("delete from meta");
        });
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the local store", e);
        }
    }

    private int update(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }

    /** A failure of the local database (disk full, corrupt file): never a sync problem. */
    public static final class StoreException extends RuntimeException {
        StoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
