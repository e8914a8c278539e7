package org.casework.core.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MySqlDurabilityTest {

    @Test
    void syncingTheRedoLogAtEveryCommitIsDurable() {
        assertThat(new MySqlDurability(1, false, 0).risks()).isEmpty();
        assertThat(new MySqlDurability(1, true, 1).risks()).isEmpty();
    }

    @Test
    void aDelayedRedoLogFlushIsNamedWithTheSettingToChange() {
        assertThat(new MySqlDurability(2, false, 0).risks())
                .singleElement()
                .asString()
                .contains(
                        "innodb_flush_log_at_trx_commit=2", "operating system", "set innodb_flush_log_at_trx_commit=1");
        assertThat(new MySqlDurability(0, false, 0).risks())
                .singleElement()
                .asString()
                .contains("the database server");
    }

    @Test
    void anUnsyncedBinaryLogIsNamedOnlyWhenThereIsOne() {
        assertThat(new MySqlDurability(1, true, 0).risks())
                .singleElement()
                .asString()
                .contains("sync_binlog=0", "set sync_binlog=1");
        assertThat(new MySqlDurability(1, false, 0).risks()).isEmpty();
    }
}
