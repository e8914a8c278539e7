package org.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No statement that a Galera cluster does not replicate or does not lock across nodes: LOCK TABLES,
 * the named locks GET_LOCK/RELEASE_LOCK (node-local: two instances on two nodes would both hold
 * "the" lock) and non-transactional engines (MyISAM, Aria, MEMORY: not replicated). Scans the main
 * sources, migrations and configuration of every module.
 *
 * <p>Flyway's own migration lock is outside the project's SQL: on a Galera node (wsrep_on=ON)
 * Flyway locks its history table with SELECT ... FOR UPDATE, which Galera checks only at commit.
 * So the first instance is started alone and migrates; the others start once it is ready (README,
 * "Running several instances").
 */
class GaleraSqlPatternsTest {

    static final Pattern FORBIDDEN = Pattern.compile(
            "(?i)\\b(LOCK\\s+TABLES?|UNLOCK\\s+TABLES|GET_LOCK\\s*\\(|RELEASE_LOCK\\s*\\(|IS_FREE_LOCK\\s*\\("
                    + "|ENGINE\\s*=\\s*(MyISAM|Aria|MEMORY|CSV|ARCHIVE)\\b|\\bMyISAM\\b)");

    @Test
    void noSourceMigrationOrConfigurationUsesWhatGaleraCannotReplicate() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<Path> scanned = new ArrayList<>();
        List<String> findings = new ArrayList<>();
        for (String module : List.of(
                "case-core",
                "case-api",
                "case-mobile-sync/protocol",
                "case-mobile-sync/server",
                "case-mobile-sync/client",
                "case-web")) {
            Path main = root.resolve(module).resolve("src/main");
            if (!Files.isDirectory(main)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(main)) {
                for (Path file : files.filter(GaleraSqlPatternsTest::scanned).toList()) {
                    scanned.add(file);
                    findings.addAll(
                            findings(root.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8)));
                }
            }
        }
        assertThat(scanned)
                .as("files scanned")
                .anySatisfy(f -> assertThat(f.toString()).endsWith("V1__foundation.sql"))
                .anySatisfy(f -> assertThat(f.toString()).endsWith("MutationService.java"));
        assertThat(findings)
                .as("statements Galera cannot replicate or lock across nodes")
                .isEmpty();
    }

    @Test
    void theScanFindsEachForbiddenPattern() {
        assertThat(findings("a.sql", "LOCK TABLES sync_mutation WRITE;")).hasSize(1);
        assertThat(findings("b.java", "jdbc.queryForObject(\"SELECT GET_LOCK('nightly', 10)\", Integer.class);"))
                .hasSize(1);
        assertThat(findings("c.sql", "CREATE TABLE t (id INT PRIMARY KEY) ENGINE=MyISAM;"))
                .hasSize(1);
        assertThat(findings("d.sql", "CREATE TABLE t (id INT PRIMARY KEY) ENGINE = InnoDB;"))
                .isEmpty();
        assertThat(findings("e.java", "// a clock lock: blocks until the tables are ready"))
                .isEmpty();
    }

    static List<String> findings(String name, String text) {
        List<String> found = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (FORBIDDEN.matcher(lines[i]).find()) {
                found.add(name + ":" + (i + 1) + ": " + lines[i].strip());
            }
        }
        return found;
    }

    private static boolean scanned(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file)
                && (name.endsWith(".sql")
                        || name.endsWith(".java")
                        || name.endsWith(".yml")
                        || name.endsWith(".yaml")
                        || name.endsWith(".properties")
                        || name.endsWith(".xml"));
    }
}
