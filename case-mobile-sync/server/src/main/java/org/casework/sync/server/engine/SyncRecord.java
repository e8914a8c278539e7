package org.casework.sync.server.engine;

import java.util.Map;

/**
 * One record as a device holds it (protocol §3): type, id, version, scope key and its fields by
 * their short names. Plain values only (strings, numbers, booleans, lists): serialised elsewhere.
 */
public record SyncRecord(String type, String id, long version, String scope, Map<String, Object> fields) {}
