package org.casework.core.flags;

import java.time.Instant;

/** The red flags of a jurisdiction still waiting for triage: how many, and since when the oldest waits. */
public record RedFlagsWaiting(int count, Instant oldestRaisedAt) {}
