package org.casework.api;

import org.casework.core.shared.InvalidInputException;

/** Reads the version an update started from: an ETag in If-Match, or a version parameter. */
public final class Versions {

    private Versions() {}

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** Updates must say which version they change, so no write silently overwrites another. */
    public static long required(String ifMatch, Long version) {
        if (version != null) {
            return version;
        }
        if (ifMatch != null) {
            String raw = ifMatch.strip();
            if (raw.startsWith("W/")) {
                raw = raw.substring(2);
            }
            raw = raw.replace("\"", "");
            try {
                return Long.parseLong(raw);
            } catch (NumberFormatException e) {
                throw new InvalidInputException("If-Match", "error.version.invalid");
            }
        }
        throw new InvalidInputException("If-Match", "error.version.required");
    }
}
