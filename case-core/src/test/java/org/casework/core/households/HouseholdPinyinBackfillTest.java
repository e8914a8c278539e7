package org.casework.core.households;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;

/** Migration 17.1 on households registered before V17: every one gets its key, however many. */
class HouseholdPinyinBackfillTest {

    @Test
    void fillsTheKeyOfEveryHouseholdInBatches() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:backfill;MODE=MySQL;DB_CLOSE_DELAY=-1")) {
            try (Statement sql = connection.createStatement()) {
                sql.execute("CREATE TABLE household (id INT PRIMARY KEY, name VARCHAR(50) NOT NULL,"
                        + " name_pinyin VARCHAR(200))");
                sql.execute("INSERT INTO household (id, name) VALUES (1, '张建国户'), (2, '安家')");
                // more than one batch
                sql.execute("INSERT INTO household (id, name) SELECT x + 10, '王家' FROM SYSTEM_RANGE(1, 1200)");
            }
            new HouseholdPinyinBackfill().migrate(new Context() {
                @Override
                public Configuration getConfiguration() {
                    return null;
                }

                @Override
                public Connection getConnection() {
                    return connection;
                }
            });
            Map<Integer, String> keys = new LinkedHashMap<>();
            try (Statement sql = connection.createStatement();
                    ResultSet rows = sql.executeQuery("SELECT id, name_pinyin FROM household WHERE id < 12")) {
                while (rows.next()) {
                    keys.put(rows.getInt(1), rows.getString(2));
                }
            }
            assertThat(keys)
                    .containsEntry(1, "zhangjianguohu")
                    .containsEntry(2, "anjia")
                    .containsEntry(11, "wangjia");
            try (Statement sql = connection.createStatement();
                    ResultSet rows = sql.executeQuery("SELECT COUNT(*) FROM household WHERE name_pinyin IS NULL")) {
                rows.next();
                assertThat(rows.getInt(1)).isZero();
            }
        }
    }
}
