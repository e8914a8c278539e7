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

    /**
     * The fields each mutation carries come from the definitions too: the built module exports them
     * per type, and no script keeps its own copy of a type's list (or of the editable profile
     * fields) — as the offline app once did, drifting silently when the server's list changed.
     */
    @Test
    void theWebAppTakesTheMutationFieldsFromTheDefinitions() throws IOException {
        String built = new ClassPathResource("static/m/js/protocol.js").getContentAsString(StandardCharsets.UTF_8);
        for (Map.Entry<String, List<String>> kind : SyncNames.MUTATION_FIELDS.entrySet()) {
            assertThat(built)
                    .contains(
                            "  " + kind.getKey() + ": Object.freeze(['" + String.join("', '", kind.getValue()) + "'])");
        }
        String sync = Files.readString(APP.resolve("js/sync.js"));
        assertThat(sync)
                .contains("MUTATION_FIELDS[MutationType.RAISE_FLAG]")
                .contains("MUTATION_FIELDS[MutationType.LOG_VISIT]")
                .contains("MUTATION_FIELDS[MutationType.ADD_NOTE]")
                .contains("MUTATION_FIELDS[MutationType.REGISTER_CHILD]")
                .contains("new Set(EDITABLE)");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(APP)) {
            for (Path file :
                    files.filter(p -> p.toString().endsWith(".js")).sorted().toList()) {
                if (!file.getFileName().toString().equals("protocol.js")) {
                    found.addAll(copiedFieldLists(APP.relativize(file).toString(), Files.readString(file)));
                }
            }
        }
        assertThat(found)
                .as("mutation field lists copied by hand (use MUTATION_FIELDS of ./protocol.js)")
                .isEmpty();
    }

    @Test
    void aCopiedFieldListIsFound() {
        assertThat(copiedFieldLists(
                        "x.js",
                        "const VISIT = ['clientId', 'type', 'occurredAt', 'durationMinutes', 'notes'];\n"
                                + "const EDIT = new Set([\n  'name', 'sex', 'birthDate', 'address', 'guardianName',\n"
                                + "  'guardianRelation', 'guardianPhone', 'carerName', 'carerPhone', 'fatherStatus',\n"
                                + "  'motherStatus', 'school', 'living',\n]);\n"
                                + "const local = pick(input, ['clientId', 'type', 'notes']);\n"))
                .containsExactly("x.js: LOG_VISIT", "x.js: EDIT_PROFILE");
    }

    /**
     * The array literals of a script holding a mutation type's field list (three names or more),
     * all of them or all but one, as "file: TYPE"; comments are skipped. (A form naming its inputs
     * after the fields is no copy of the list.)
     */
    static List<String> copiedFieldLists(String name, String script) {
        StringBuilder code = new StringBuilder();
        for (String line : script.split("\n", -1)) {
            String trimmed = line.trim();
            if (!trimmed.startsWith("//") && !trimmed.startsWith("*") && !trimmed.startsWith("/*")) {
                code.append(line).append('\n');
            }
        }
        List<String> found = new ArrayList<>();
        Matcher array = Pattern.compile("\\[([^\\[\\]]*)\\]").matcher(code);
        while (array.find()) {
            Set<String> literals = new TreeSet<>();
            Matcher m = LITERAL.matcher(array.group(1));
            while (m.find()) {
                literals.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
            }
            for (Map.Entry<String, List<String>> kind : new java.util.TreeMap<>(SyncNames.MUTATION_FIELDS).entrySet()) {
                List<String> fields = kind.getValue();
                long held = fields.stream().filter(literals::contains).count();
                if (fields.size() >= 3 && held >= fields.size() - 1) {
                    found.add(name + ": " + kind.getKey());
                }
            }
        }
        return found;
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
