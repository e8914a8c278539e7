package org.casework.core.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

class DurableCommitsTest {

    @TempDir
    Path dir;

    @Test
    void anH2FileDatabaseWritesEveryCommitBeforeItIsConfirmed() throws Exception {
        // H2's own default (500 ms) is what lost confirmed visits on kill -9
        String url = "jdbc:h2:file:" + dir.resolve("casework") + ";MODE=MySQL;WRITE_DELAY=500";
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, "sa", "", true);
        try (Connection connection = dataSource.getConnection()) {
            assertThat(DurableCommits.h2WriteDelay(connection)).isEqualTo(500);
        }

        new DurableCommits(dataSource).afterSingletonsInstantiated();

        try (Connection connection = dataSource.getConnection()) {
            assertThat(DurableCommits.h2WriteDelay(connection)).isZero();
        }
        dataSource.destroy();
    }

    @Test
    void anInMemoryDatabaseIsLeftAlone() {
        SingleConnectionDataSource dataSource =
                new SingleConnectionDataSource("jdbc:h2:mem:durable-commits-test", "sa", "", true);

        new DurableCommits(dataSource).afterSingletonsInstantiated();

        dataSource.destroy();
    }
}
