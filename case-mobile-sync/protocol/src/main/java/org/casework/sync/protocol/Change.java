package org.casework.sync.protocol;

import java.util.Map;

/**
 * One pulled change (protocol §2.2): {@code t} type, {@code id}, {@code v} version, {@code s} scope
 * key, {@code op} U or D, {@code f} fields (only those changed since the cursor).
 */
public record Change(String t, String id, Long v, String s, String op, Map<String, Object> f) {}
