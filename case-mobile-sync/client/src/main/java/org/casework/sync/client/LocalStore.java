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
 * The device's SQLite file: records, the outbox ({@link #outbox()}) and meta. Every change that
 * must survive a crash together (an edit and its outbox row; a sync answer and its cursor) goes
 * through {@link #inTransaction}. One connection, used by one thread at a time.
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

    private static final String RECORD_COLUMNS = "select t, id, scope, v, f, state, reason from record ";

    /** Work run inside one local transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws SQLException;
    }

    /** Reads one row. */
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private final Connection db;
    private final Outbox outbox = new Outbox(this);
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
            } catch (RuntimeException | SQLException | Error e) {
                // never left for setAutoCommit(true) below, which would commit it: a sync answer's
                // transaction stays open while the answer streams in
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

    /** The queued mutations. */
    public Outbox outbox() {
        return outbox;
    }

    // ---- meta

    public String meta(String key) {
        List<String> found = query("select v from meta where k = ?", rs -> rs.getString(1), key);
        return found.isEmpty() ? null : found.get(0);
    }

    void putMeta(String key, String value) {
        if (value == null) {
            update("delete from meta where k = ?", key);
        } else {
            update("insert into meta (k, v) values (?, ?) on conflict (k) do update set v = excluded.v", key, value);
        }
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
        return query(
                RECORD_COLUMNS + where,
                rs -> {
                    long v = rs.getLong(4);
                    Long version = rs.wasNull() ? null : v;
                    return new StoredRecord(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            version,
                            Json.parseObject(rs.getString(5)),
                            SyncState.valueOf(rs.getString(6)),
                            rs.getString(7));
                },
                args);
    }

    /** Type, id and version of a scope's server records: all a checksum needs, without the fields. */
    List<StoredRecord> versions(String scope) {
        return query(
                "select t, id, v from record where scope = ? and v is not null",
                rs -> new StoredRecord(rs.getString(1), rs.getString(2), scope, rs.getLong(3), null, null, null),
                scope);
    }

    /** Writes a whole record (insert or replace). */
    void saveRecord(StoredRecord r) {
        update(
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
                r.reason());
    }

    /**
     * Applies a pulled upsert: {@code f} carries only the changed fields, except for a record new to
     * the device or re-sent in full by a resync, which replaces the fields. A known record keeps its
     * sync state (a rejection or conflict stays visible); a new one is synced.
     */
    void upsertFromServer(String type, String id, String scope, Long version, ObjectNode delta) {
        inTransaction(() -> {
            List<Object[]> known = query(
                    "select f, state, reason, resync from record where t = ? and id = ?",
                    rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)},
                    type,
                    id);
            ObjectNode fields = delta;
            SyncState state = SyncState.SYNCED;
            String reason = null;
            if (!known.isEmpty()) {
                Object[] row = known.get(0);
                state = SyncState.valueOf((String) row[1]);
                reason = (String) row[2];
                if ((Integer) row[3] == 0) {
                    fields = Json.parseObject((String) row[0]);
                    fields.setAll(delta);
                }
            }
            saveRecord(new StoredRecord(type, id, scope, version, fields, state, reason));
            return null;
        });
    }

    void setState(String type, String id, SyncState state, String reason) {
        update("update record set state = ?, reason = ? where t = ? and id = ?", state.name(), reason, type, id);
    }

    void deleteRecord(String type, String id) {
        update("delete from record where t = ? and id = ?", type, id);
    }

    /**
     * Removes a scope's server records. Records created offline that the server has not answered
     * (or refused, or set aside) stay so the user still sees what happened to their work.
     */
    void dropScope(String scope) {
        update("delete from record where scope = ? and (v is not null or state = 'SYNCED')", scope);
    }

    /** Marks a scope's server records as stale until the full resend of the scope refreshes them. */
    void markForResync(String scope) {
        update("update record set resync = 1 where scope = ? and v is not null", scope);
    }

    /** Deletes the records of a resynced scope that the full resend did not contain. */
    void dropStale(String scope) {
        update("delete from record where scope = ? and resync = 1", scope);
    }

    /** Scope keys of the records the server sent (versioned records). */
    TreeSet<String> serverScopes() {
        return new TreeSet<>(query("select distinct scope from record where v is not null", rs -> rs.getString(1)));
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

    // ---- SQL helpers (each joins the caller's transaction, or is one on its own)

    int update(String sql, Object... args) {
        return inTransaction(() -> {
            try (PreparedStatement ps = db.prepareStatement(sql)) {
                bind(ps, args);
                return ps.executeUpdate();
            }
        });
    }

    <T> List<T> query(String sql, Row<T> row, Object... args) {
        return inTransaction(() -> {
            try (PreparedStatement ps = db.prepareStatement(sql)) {
                bind(ps, args);
                List<T> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row.read(rs));
                    }
                }
                return out;
            }
        });
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
