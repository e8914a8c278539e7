package org.casework.sync.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.casework.sync.protocol.ProtocolScript;
import org.casework.sync.protocol.SyncNames;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * The protocol's names have one definition ({@link SyncNames}): the offline web app imports them from
 * the generated {@code js/protocol.js} and spells none of them by hand.
 */
class ProtocolNamesTest {

    /** A string literal of JavaScript: quoted, or a template without substitutions. */
    private static final Pattern LITERAL = Pattern.compile("'([^'\\\\\\n]*)'|\"([^\"\\\\\\n]*)\"|`([^`$\\\\]*)`");

    private static final Path APP = Path.of("src/main/resources/static/m");

    @Test
    void theBuiltModuleIsGeneratedFromTheJavaDefinitions() throws IOException {
        String built = new ClassPathResource("static/m/js/protocol.js").getContentAsString(StandardCharsets.UTF_8);
        assertThat(built).isEqualTo(ProtocolScript.render());
        assertThat(built)
                .contains("EDIT_PROFILE: '" + SyncNames.MutationType.EDIT_PROFILE + "'")
                .contains("VISIT_DUE: '" + SyncNames.RecordType.VISIT_DUE + "'")
                .contains("DEVICE_REVOKED: '" + SyncNames.Code.DEVICE_REVOKED + "'")
                .contains("'" + String.join("', '", SyncNames.EDITABLE_PROFILE_FIELDS) + "'");
    }

    @Test
    void everyNameOfTheDefinitionsIsExported() {
        Map<String, Map<String, String>> groups = ProtocolScript.groups();
        assertThat(groups).containsOnlyKeys("MutationType", "Status", "RecordType", "Op", "ScopeKey", "Code");
        assertThat(groups.get("Status")).containsValues("APPLIED", "REJECTED", "CONFLICT", "QUARANTINED");
        assertThat(groups.get("RecordType")).hasSize(12);
    }

    @Test
    void theWebAppSpellsNoProtocolNameByHand() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(APP)) {
            for (Path file :
                    files.filter(p -> p.toString().endsWith(".js")).sorted().toList()) {
                found.addAll(handSpelled(APP.relativize(file).toString(), Files.readString(file)));
            }
        }
        assertThat(found)
                .as("protocol names spelled by hand in the offline web app (import them from ./protocol.js)")
                .isEmpty();
    }

    @Test
    void aNameSpelledByHandIsFound() {
        assertThat(handSpelled("x.js", "if (e.code === 'device.revoked') wipe();\n// 'LOG_VISIT' in a comment\n"))
                .containsExactly("x.js:1 'device.revoked'");
        assertThat(handSpelled("y.js", "store.records(\"client\");\nconst p = `D`;\n"))
                .containsExactly("y.js:1 'client'", "y.js:2 'D'");
    }

    /** The string literals of a script that are protocol names, as "file:line 'name'"; comments are skipped. */
    static List<String> handSpelled(String name, String script) {
        Set<String> names = new TreeSet<>();
        ProtocolScript.groups().values().forEach(g -> names.addAll(g.values()));
        List<String> found = new ArrayList<>();
        String[] lines = script.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int comment = line.indexOf("//");
            String code = line.trim().startsWith("//") || line.trim().startsWith("*") ? "" : line;
            if (comment > 0
                    && !line.substring(0, comment).contains("'")
                    && !line.substring(0, comment).contains("\"")) {
                code = line.substring(0, comment);
            }
            Matcher m = LITERAL.matcher(code);
            while (m.find()) {
                String text = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                if (names.contains(text)) {
                    found.add(name + ":" + (i + 1) + " '" + text + "'");
                }
            }
        }
        return found;
    }
}
