package org.casework.it.sync;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The ids of a golden vector and the ids the real server uses for the same things, both ways.
 * Fixture ids (children, households, village codes) are bound by the setup; the ids a vector's
 * device generates ({@code 00000000-0000-4000-8000-…}) get fresh random ids on first use, so every
 * replay creates new records on the shared test database.
 */
final class VectorIds {

    static final Pattern DEVICE_ID = Pattern.compile("00000000-0000-4000-8000-\\d{12}");
    static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Map<String, String> toReal = new HashMap<>();
    private final Map<String, String> toVector = new HashMap<>();

    void bind(String vectorId, String realId) {
        toReal.put(vectorId, realId);
        toVector.put(realId, vectorId);
    }

    /** The real id of a vector's id; ids of neither kind (type codes, enum values) stay as they are. */
    String real(String vectorId) {
        String known = toReal.get(vectorId);
        if (known != null) {
            return known;
        }
        if (DEVICE_ID.matcher(vectorId).matches()) {
            String fresh = UUID.randomUUID().toString();
            bind(vectorId, fresh);
            return fresh;
        }
        return vectorId;
    }

    /** The vector's id of a real id, or null when the vector never named it. */
    String vector(String realId) {
        return toVector.get(realId);
    }
}
