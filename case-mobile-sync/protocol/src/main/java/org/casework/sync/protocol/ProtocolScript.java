package org.casework.sync.protocol;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes {@link SyncNames} as the ES module the offline web app imports ({@code js/protocol.js}).
 * Run by the web module's build ({@code exec-maven-plugin}, phase {@code generate-resources}) with
 * the output file as its argument, so the app always ships the names of the server it comes with.
 */
public final class ProtocolScript {

    private ProtocolScript() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ProtocolScript <output file>");
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, render(), StandardCharsets.UTF_8);
    }

    /**
     * The module's text: one frozen object per group of names, the editable profile fields, and the
     * fields of each mutation type.
     */
    public static String render() {
        StringBuilder js = new StringBuilder();
        js.append("// Generated from org.casework.sync.protocol.SyncNames by ProtocolScript: do not edit.\n");
        js.append("// The protocol names of docs/sync-protocol.md, shared with the server and the Java client.\n");
        for (Map.Entry<String, Map<String, String>> group : groups().entrySet()) {
            String body = group.getValue().entrySet().stream()
                    .map(e -> "  " + e.getKey() + ": '" + e.getValue() + "'")
                    .collect(Collectors.joining(",\n"));
            js.append("export const ")
                    .append(group.getKey())
                    .append(" = Object.freeze({\n")
                    .append(body)
                    .append(",\n});\n");
        }
        js.append("export const EDITABLE_PROFILE_FIELDS = Object.freeze([")
                .append(SyncNames.EDITABLE_PROFILE_FIELDS.stream()
                        .map(f -> "'" + f + "'")
                        .collect(Collectors.joining(", ")))
                .append("]);\n");
        // the fields of each mutation type, in MutationType's order: the app picks them from its forms
        js.append("export const MUTATION_FIELDS = Object.freeze({\n");
        for (String type : groups().get("MutationType").values()) {
            js.append("  ")
                    .append(type)
                    .append(": Object.freeze([")
                    .append(SyncNames.MUTATION_FIELDS.get(type).stream()
                            .map(f -> "'" + f + "'")
                            .collect(Collectors.joining(", ")))
                    .append("]),\n");
        }
        js.append("});\n");
        return js.toString();
    }

    /** Group name (the nested class's simple name) to its constants, in declaration order. */
    public static Map<String, Map<String, String>> groups() {
        Map<String, Map<String, String>> groups = new LinkedHashMap<>();
        for (Class<?> group : SyncNames.GROUPS) {
            Map<String, String> names = new LinkedHashMap<>();
            for (Field f : group.getDeclaredFields()) {
                int m = f.getModifiers();
                if (Modifier.isStatic(m) && Modifier.isFinal(m) && f.getType() == String.class) {
                    try {
                        names.put(f.getName(), (String) f.get(null));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            groups.put(group.getSimpleName(), names);
        }
        return groups;
    }
}
