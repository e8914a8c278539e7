package org.casework.core.keys;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads and writes the single row of {@code crypto_key_state}. Plain JDBC, because it runs before
 * the migrations (when the table may not exist yet) and in the rotation command.
 */
public final class KeyStateStore {

    private final JdbcTemplate jdbc;

    public KeyStateStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** The recorded state; empty when nothing is recorded or the table does not exist yet. */
    public Optional<KeyState> read() {
        List<KeyState> rows;
        try {
            rows = jdbc.query(
                    "SELECT key_id, rotating_to FROM crypto_key_state WHERE id = 1",
                    (rs, i) -> new KeyState(rs.getString(1), rs.getString(2)));
        } catch (DataAccessException noTableBeforeTheMigrations) {
            return Optional.empty();
        }
        return rows.stream().findFirst();
    }

    /** Records the key of a database that has none recorded (a new one, or one from before key ids). */
    void recordIfAbsent(String keyId) {
        if (read().isEmpty()) {
            jdbc.update(
                    "INSERT INTO crypto_key_state (id, key_id, rotating_to, updated_at) VALUES (1, ?, NULL, ?)",
                    keyId,
                    now());
        }
    }

    void startRotation(String toKeyId) {
        jdbc.update("UPDATE crypto_key_state SET rotating_to = ?, updated_at = ? WHERE id = 1", toKeyId, now());
    }

    void finishRotation(String toKeyId) {
        jdbc.update(
                "UPDATE crypto_key_state SET key_id = ?, rotating_to = NULL, updated_at = ? WHERE id = 1",
                toKeyId,
                now());
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }
}
