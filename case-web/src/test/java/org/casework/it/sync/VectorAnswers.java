package org.casework.it.sync;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The normaliser of the server replay of the golden vectors (docs/sync-vectors/README.md, "Replayed
 * against the server"): what of the answers of one {@code sync()} must match the recorded ones.
 *
 * <ul>
 *   <li>Ids are compared through {@link VectorIds}; an id the vector never named is {@code <id>}.
 *   <li>Times and dates (instants, {@code yyyy-MM-dd}) are {@code <time>}; cursors, checksums,
 *       versions and {@code serverTime} are left out (opaque or derived from ids and times; the
 *       replay checks the checksums on its own).
 *   <li>The answers of one sync are taken together (the vectors page small to show paging).
 *   <li>Reference data: the vectors carry a sample (one region, one flag type, one visit type); the
 *       server's other reference records are left out.
 *   <li>Field values are compared for the records the conversation creates or changes; a record the
 *       device first receives from the setup (the fixture children, households, schedules) and
 *       reference data are compared by their field names, since a vector's sample values are not
 *       the test database's.
 *   <li>Messages (user language texts) are left out; codes and the fields of errors are compared.
 * </ul>
 */
final class VectorAnswers {

    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(T[0-9:.]+Z)?");

    private VectorAnswers() {}

    /** One HTTP answer of the conversation, already in the vector's ids. */
    record Answer(int status, Map<String, Object> body) {}

    /**
     * The comparable summary of one sync's answers.
     *
     * @param heldBefore vector-space keys ({@code t|id}) the device held before the sync
     * @param refSample vector-space keys of the reference records the vector names (null: this is the vector)
     */
    static Map<String, Object> summary(List<Answer> answers, Set<String> heldBefore, Set<String> refSample) {
        List<Object> problems = new ArrayList<>();
        List<Object> results = new ArrayList<>();
        Map<String, Map<String, Object>> changes = new TreeMap<>();
        Set<String> resync = new TreeSet<>();
        Object ack = null;
        Object more = null;
        for (Answer a : answers) {
            Map<String, Object> body = a.body() == null ? Map.of() : a.body();
            if (a.status() != 200) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("status", a.status());
                p.put("code", body.get("code"));
                p.put("wipe", body.get("wipe"));
                problems.add(p);
                continue;
            }
            ack = body.get("ack");
            more = body.get("more");
            for (Object r : list(body.get("results"))) {
                results.add(result(map(r)));
            }
            for (Object c : list(body.get("changes"))) {
                Map<String, Object> change = map(c);
                String key = change.get("t") + "|" + change.get("id");
                if ("ref".equals(change.get("s")) && refSample != null && !refSample.contains(key)) {
                    continue;
                }
                changes.merge(key, change(change, heldBefore), VectorAnswers::later);
            }
            list(body.get("resync")).forEach(k -> resync.add(String.valueOf(k)));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("problems", problems);
        summary.put("ack", ack);
        summary.put("results", results);
        summary.put("changes", new ArrayList<>(changes.values()));
        summary.put("resync", new ArrayList<>(resync));
        summary.put("more", more);
        return summary;
    }

    /** The keys of the reference records a vector's answers name. */
    static Set<String> refKeys(List<Answer> answers) {
        Set<String> keys = new TreeSet<>();
        for (Answer a : answers) {
            if (a.body() != null) {
                for (Object c : list(a.body().get("changes"))) {
                    Map<String, Object> change = map(c);
                    if ("ref".equals(change.get("s"))) {
                        keys.add(change.get("t") + "|" + change.get("id"));
                    }
                }
            }
        }
        return keys;
    }

    private static Map<String, Object> result(Map<String, Object> r) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : List.of("id", "counter", "status", "entityType", "entityId", "code")) {
            out.put(name, r.get(name));
        }
        out.put("hasVersion", r.get("version") != null);
        List<Object> fields = new ArrayList<>();
        list(r.get("errors")).forEach(e -> fields.add(map(e).get("field")));
        out.put("errorFields", fields);
        return out;
    }

    private static Map<String, Object> change(Map<String, Object> c, Set<String> heldBefore) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("t", c.get("t"));
        out.put("id", c.get("id"));
        out.put("s", c.get("s"));
        out.put("op", c.get("op"));
        Map<String, Object> f = c.get("f") == null ? Map.of() : map(c.get("f"));
        String id = String.valueOf(c.get("id"));
        boolean compareValues = !"ref".equals(c.get("s"))
                && (VectorIds.DEVICE_ID.matcher(id).matches() || heldBefore.contains(c.get("t") + "|" + id));
        if (compareValues) {
            out.put("f", times(new TreeMap<>(f)));
        } else {
            out.put("fields", new ArrayList<>(new TreeSet<>(f.keySet())));
        }
        return out;
    }

    /** Two changes of one record in one sync (pages, a resync): the later wins, field names unite. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> later(Map<String, Object> first, Map<String, Object> second) {
        if (first.get("fields") instanceof List<?> a && second.get("fields") instanceof List<?> b) {
            Set<Object> all = new TreeSet<>((List<Object>) a);
            all.addAll((List<Object>) b);
            second.put("fields", new ArrayList<>(all));
        }
        return second;
    }

    /** Replaces times and dates (at any depth) by {@code <time>}. */
    static Object times(Object value) {
        if (value instanceof String s && TIME.matcher(s).matches()) {
            return "<time>";
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new TreeMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), times(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            return l.stream().map(VectorAnswers::times).toList();
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    static List<Object> list(Object o) {
        if (o instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        return List.of();
    }
}
