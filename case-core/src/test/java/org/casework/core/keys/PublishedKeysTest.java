package org.casework.core.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PublishedKeysTest {

    private static final String DEMO_KEY = "Y2FzZXdvcmstZGVtby1rZXktbm90LWZvci1wcm9kdWM=";

    /** A 32-byte key in base64: 43 characters and one "=", not part of a longer base64 string. */
    private static final Pattern BASE64_KEY =
            Pattern.compile("(?<![A-Za-z0-9+/=])[A-Za-z0-9+/]{43}=(?![A-Za-z0-9+/=])");

    private static final Set<String> SCANNED =
            Set.of(".java", ".yml", ".yaml", ".properties", ".md", ".sh", ".sql", ".json", ".txt");

    @Test
    void theDemoKeyIsRefused() {
        assertThat(PublishedKeys.problem(DEMO_KEY)).get().asString().contains("published");
    }

    @Test
    void aRandomKeyIsFine() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);

        assertThat(PublishedKeys.problem(Base64.getEncoder().encodeToString(key)))
                .isEmpty();
    }

    @Test
    void keysMadeByHandAreRefused() {
        assertThat(PublishedKeys.problem(Base64.getEncoder().encodeToString(new byte[32])))
                .get()
                .asString()
                .contains("not drawn at random");
        byte[] text = "this is my county's secret key!!".getBytes(StandardCharsets.US_ASCII);
        assertThat(PublishedKeys.problem(Base64.getEncoder().encodeToString(text)))
                .get()
                .asString()
                .contains("text");
    }

    @Test
    void theMessageNeverQuotesTheKey() {
        assertThat(PublishedKeys.problem(DEMO_KEY)).get().asString().doesNotContain(DEMO_KEY);
    }

    /**
     * Every base64 key written anywhere in the repository (docs, configuration, tests) is refused in
     * production. A new key pasted into a file fails here until its SHA-256 is added to
     * {@link PublishedKeys} (or it is weak anyway).
     */
    @Test
    void everyKeyPublishedInTheRepositoryIsRefused() throws IOException {
        Path root = repositoryRoot();
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(PublishedKeysTest::scanned)
                    .toList()) {
                String text;
                try {
                    text = Files.readString(file, StandardCharsets.UTF_8);
                } catch (MalformedInputException binary) {
                    continue;
                }
                Matcher m = BASE64_KEY.matcher(text);
                while (m.find()) {
                    if (Base64.getDecoder().decode(m.group()).length == 32) {
                        found.add(root.relativize(file) + ": " + m.group());
                    }
                }
            }
        }
        assertThat(found).as("the scan finds the demo key at least").anyMatch(f -> f.endsWith(DEMO_KEY));
        assertThat(found)
                .allSatisfy(f -> assertThat(PublishedKeys.problem(f.substring(f.lastIndexOf(' ') + 1)))
                        .as("%s must be refused in production", f)
                        .isPresent());
    }

    private static boolean scanned(Path file) {
        String path = file.toString().replace('\\', '/');
        if (path.contains("/target/")
                || path.contains("/.git/")
                || path.contains("/node_modules/")
                || path.endsWith("package-lock.json")) {
            return false;
        }
        String name = file.getFileName().toString();
        return SCANNED.stream().anyMatch(name::endsWith);
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("the repository root (with mvnw)").isNotNull();
        return dir;
    }
}
