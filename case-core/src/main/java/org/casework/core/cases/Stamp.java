package org.casework.core.cases;

import java.time.Instant;

/** Who does something to a case, and when: every transition carries one. */
public record Stamp(String actor, Instant at) {}
