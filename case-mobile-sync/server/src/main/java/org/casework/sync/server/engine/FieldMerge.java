package org.casework.sync.server.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The field-by-field merge of an offline profile edit (protocol §2.1). For each edited field: the
 * server still has the value the edit started from → apply; the server already has the new value
 * → nothing to do; otherwise a true clash → the server value stays and the clash is reported —
 * except for risk-like fields whose two values differ in urgency, where the more urgent value wins
 * without a conflict (a raise of risk beats a concurrent clear, whichever side made it). Without a
 * concurrent change a device may lower a risk-like field like any other.
 *
 * <p>Values stay generic here (field name → value), not the protocol's typed {@code ClientRecord}:
 * an edit names any subset of the editable fields, the server side of the comparison comes from
 * the core's {@code ClientEdits} (the core knows nothing of the protocol), and values compare as
 * text anyway; a clash's two values go to the conflict record as texts.
 */
public final class FieldMerge {

    /** A field the server keeps while the device wanted another value. */
    public record Clash(String field, Object deviceValue, Object serverValue) {}

    /** What to write (field → value) and which fields clashed. */
    public record Result(Map<String, Object> apply, List<Clash> clashes) {}

    private FieldMerge() {}

    /**
     * @param server current server values of the edited fields
     * @param before the device's values at the version it started from
     * @param edited the device's new values
     * @param urgency for risk-like fields, orders values (null included) from least to most urgent
     */
    public static Result merge(
            Map<String, Object> server,
            Map<String, Object> before,
            Map<String, Object> edited,
            Map<String, Comparator<Object>> urgency) {
        Map<String, Object> apply = new LinkedHashMap<>();
        List<Clash> clashes = new ArrayList<>();
        edited.forEach((field, value) -> {
            Object current = server.get(field);
            if (same(current, value)) {
                return;
            }
            if (same(current, before == null ? null : before.get(field))) {
                apply.put(field, value); // nobody else changed it since the edit began
                return;
            }
            Comparator<Object> order = urgency.get(field);
            int raise = order == null ? 0 : order.compare(value, current);
            if (raise > 0) {
                apply.put(field, value); // the device raised the risk: a concurrent clear never erases it
            } else if (raise == 0) {
                clashes.add(new Clash(field, value, current));
            }
            // raise < 0: the server's value is the more urgent one and stays; nothing to resolve
        });
        return new Result(apply, clashes);
    }

    /** Values compare as text, so 3 and "3", or an enum and its name, are the same value. */
    static boolean same(Object a, Object b) {
        return Objects.equals(normalise(a), normalise(b));
    }

    private static String normalise(Object value) {
        if (value == null) {
            return null;
        }
        String text = String.valueOf(value).strip();
        return text.isEmpty() ? null : text;
    }
}
