package org.casework.core.keys;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.casework.core.keys.EncryptedColumns.EncryptedTable;
import org.casework.core.shared.FieldCipher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-encrypts every encrypted field (and recomputes every blind index) under a new key. Run with
 * the server stopped, by the {@code rotate-key} command.
 *
 * <p>Safe to interrupt: the database records that a rotation to the new key is under way before
 * touching any field, so no server starts on the half-rotated data; each batch of rows is one
 * transaction; a value that already carries the new key's id is skipped. Running the same command
 * again finishes the rotation, and running it after it finished does nothing.
 */
@Service
public class KeyRotation {

    private static final Pattern COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final EncryptedColumns encryptedColumns;
    private final List<BlindIndexedColumn> blindIndexes;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public KeyRotation(
            EncryptedColumns encryptedColumns,
            List<BlindIndexedColumn> blindIndexes,
            DataSource dataSource,
            PlatformTransactionManager transactionManager) {
        this.encryptedColumns = encryptedColumns;
        this.blindIndexes = blindIndexes;
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * What a rotation did.
     *
     * @param alreadyDone the database was under the new key already: nothing was touched
     * @param reencrypted values re-encrypted, by {@code table.column}
     */
    public record Report(boolean alreadyDone, Map<String, Long> reencrypted) {
        public long total() {
            return reencrypted.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Moves every encrypted field from {@code from} (the key the database is under) to {@code to}.
     *
     * @param batchSize rows per transaction
     * @param afterBatch called after each committed batch with {@code table.column} counts so far
     *     (progress for the command; a test interrupts the rotation from here)
     * @throws KeyRefusedException the database is under neither key, or is rotating to a third one
     */
    public Report rotate(FieldCipher from, FieldCipher to, int batchSize, Consumer<String> afterBatch) {
        if (from.keyId().equals(to.keyId())) {
            throw new KeyRefusedException("the new key is the current key");
        }
        KeyStateStore states = new KeyStateStore(dataSource);
        states.recordIfAbsent(from.keyId());
        KeyState state = states.read().orElseThrow();
        if (state.keyId().equals(to.keyId()) && state.rotatingTo() == null) {
            return new Report(true, Map.of());
        }
        if (!state.keyId().equals(from.keyId())) {
            throw new KeyRefusedException("this database's fields are under key id " + state.keyId()
                    + ", not the current key given (key id " + from.keyId() + ")");
        }
        if (state.rotatingTo() != null && !state.rotatingTo().equals(to.keyId())) {
            throw new KeyRefusedException("an unfinished rotation is moving this database to key id "
                    + state.rotatingTo() + ", not to the new key given (key id " + to.keyId()
                    + "): finish it with that key first");
        }
        states.startRotation(to.keyId());
        Map<String, Long> counts = new LinkedHashMap<>();
        List<EncryptedTable> tables = encryptedColumns.tables();
        for (EncryptedTable table : tables) {
            rotateTable(table, from, to, batchSize, counts, afterBatch);
        }
        // A second pass must find nothing left: a value written under the old key meanwhile means a
        // server is still running on this database, and finishing would strand that value.
        Map<String, Long> late = new LinkedHashMap<>();
        for (EncryptedTable table : tables) {
            rotateTable(table, from, to, batchSize, late, progress -> {});
        }
        long written = late.values().stream().mapToLong(Long::longValue).sum();
        if (written > 0) {
            throw new IllegalStateException(written + " values were written under the old key during the rotation:"
                    + " a server is still running on this database. Stop it, then run rotate-key again");
        }
        states.finishRotation(to.keyId());
        return new Report(false, Collections.unmodifiableMap(counts));
    }

    private void rotateTable(
            EncryptedTable table,
            FieldCipher from,
            FieldCipher to,
            int batchSize,
            Map<String, Long> counts,
            Consumer<String> afterBatch) {
        requireColumnName(table.table());
        requireColumnName(table.keyColumn());
        table.columns().forEach(KeyRotation::requireColumnName);
        for (String column : table.columns()) {
            counts.putIfAbsent(table.table() + "." + column, 0L);
        }
        Object last = null;
        while (true) {
            List<Object> keys = nextKeys(table, last, batchSize);
            if (keys.isEmpty()) {
                return;
            }
            transactions.executeWithoutResult(status -> rotateRows(table, keys, from, to, counts));
            last = keys.get(keys.size() - 1);
            afterBatch.accept(table.table() + ": " + progress(table, counts));
        }
    }

    private List<Object> nextKeys(EncryptedTable table, Object after, int batchSize) {
        String sql = "SELECT DISTINCT " + table.keyColumn() + " FROM " + table.table()
                + (after == null ? "" : " WHERE " + table.keyColumn() + " > ?")
                + " ORDER BY " + table.keyColumn() + " LIMIT " + batchSize;
        return after == null
                ? jdbc.query(sql, (rs, i) -> rs.getObject(1))
                : jdbc.query(sql, (rs, i) -> rs.getObject(1), after);
    }

    private void rotateRows(
            EncryptedTable table, List<Object> keys, FieldCipher from, FieldCipher to, Map<String, Long> counts) {
        String select = "SELECT " + table.keyColumn() + ", " + String.join(", ", table.columns()) + " FROM "
                + table.table() + " WHERE " + table.keyColumn() + " IN ("
                + String.join(", ", Collections.nCopies(keys.size(), "?")) + ")";
        List<Object[]> rows = jdbc.query(
                select,
                (rs, i) -> {
                    Object[] row = new Object[table.columns().size() + 1];
                    row[0] = rs.getObject(1);
                    for (int c = 0; c < table.columns().size(); c++) {
                        row[c + 1] = rs.getString(c + 2);
                    }
                    return row;
                },
                keys.toArray());
        for (Object[] row : rows) {
            for (int c = 0; c < table.columns().size(); c++) {
                String column = table.columns().get(c);
                String stored = (String) row[c + 1];
                if (stored == null || to.isUnderThisKey(stored)) {
                    continue;
                }
                String plain = from.decrypt(stored);
                rewrite(table, column, row[0], stored, plain, to);
                counts.merge(table.table() + "." + column, 1L, Long::sum);
            }
        }
    }

    private void rewrite(EncryptedTable table, String column, Object key, String stored, String plain, FieldCipher to) {
        List<String> sets = new ArrayList<>(List.of(column + " = ?"));
        List<Object> args = new ArrayList<>(List.of(to.encrypt(plain)));
        for (BlindIndexedColumn index : blindIndexes) {
            if (index.table().equals(table.table()) && index.encryptedColumn().equals(column)) {
                requireColumnName(index.indexColumn());
                sets.add(index.indexColumn() + " = ?");
                args.add(to.blindIndex(index.canonicalForm().apply(plain)));
            }
        }
        args.add(key);
        args.add(stored);
        int updated = jdbc.update(
                "UPDATE " + table.table() + " SET " + String.join(", ", sets) + " WHERE " + table.keyColumn()
                        + " = ? AND " + column + " = ?",
                args.toArray());
        if (updated != 1) {
            throw new IllegalStateException("A value in " + table.table() + "." + column + " changed during the"
                    + " rotation: stop the server before rotating keys, then run rotate-key again");
        }
    }

    private static String progress(EncryptedTable table, Map<String, Long> counts) {
        long done = table.columns().stream()
                .mapToLong(c -> counts.getOrDefault(table.table() + "." + c, 0L))
                .sum();
        return done + " values re-encrypted";
    }

    /** Names come from the JPA mapping, never from input; this keeps them from becoming SQL anyway. */
    private static void requireColumnName(String name) {
        if (name == null || !COLUMN.matcher(name).matches()) {
            throw new IllegalStateException(
                    "Cannot rotate a table or column named " + name + " (composite keys are not supported)");
        }
    }
}
