package org.casework.core.households;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.casework.core.shared.PinyinSortKey;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 17.1: computes the pinyin sort key (added by V17) of the households registered
 * before it, in batches of rows still without one, so an interrupted run simply continues. Java
 * because SQL cannot read pinyin.
 */
@Component
public class HouseholdPinyinBackfill implements JavaMigration {

    private static final int BATCH = 500;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("17.1");
    }

    @Override
    public String getDescription() {
        return "household name pinyin";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        while (true) {
            List<Object[]> rows = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                            "SELECT id, name FROM household WHERE name_pinyin IS NULL LIMIT " + BATCH);
                    ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(new Object[] {result.getObject(1), result.getString(2)});
                }
            }
            if (rows.isEmpty()) {
                return;
            }
            try (PreparedStatement write =
                    connection.prepareStatement("UPDATE household SET name_pinyin = ? WHERE id = ?")) {
                for (Object[] row : rows) {
                    write.setString(1, PinyinSortKey.of((String) row[1]));
                    write.setObject(2, row[0]);
                    write.addBatch();
                }
                write.executeBatch();
            }
        }
    }
}
