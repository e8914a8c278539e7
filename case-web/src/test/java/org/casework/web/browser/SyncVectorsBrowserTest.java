package org.casework.web.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.casework.it.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * The golden sync vectors (docs/sync-vectors) through the offline web app's engine in the browser
 * (pwa/vector-runner.js): the same files the Java reference client passes in SyncVectorsTest, so
 * both clients send the same requests and end in the same local state.
 */
@Tag("browser")
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncVectorsBrowserTest {

    @LocalServerPort
    int port;

    Browser browser;

    @BeforeAll
    void startBrowser() {
        browser = new Browser(port);
        PwaModules.openOrigin(browser);
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
    }

    static Stream<Path> vectors() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docs/sync-protocol.md"))) {
            dir = dir.getParent();
        }
        assertThat(dir)
                .as("the repository root (holding docs/sync-protocol.md)")
                .isNotNull();
        try (Stream<Path> files = Files.list(dir.resolve("docs/sync-vectors"))) {
            List<Path> list =
                    files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            assertThat(list).as("golden vectors").isNotEmpty();
            return list.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void theWebAppAgreesWithTheVector(Path file) throws IOException {
        Object vector =
                JsonMapper.builder().build().readValue(Files.readString(file, StandardCharsets.UTF_8), Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> result =
                (Map<String, Object>) PwaModules.call(browser.driver(), "/pwa/vector-runner.js", "runVector", vector);
        if (!Boolean.TRUE.equals(result.get("ok"))) {
            @SuppressWarnings("unchecked")
            List<String> failures = (List<String>) result.get("failures");
            fail(file.getFileName() + ":\n  " + String.join("\n  ", failures));
        }
    }
}
