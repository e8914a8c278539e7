package org.casework.core.ledgers;

import java.time.LocalDate;

/**
 * What to export: a ledger, an optional region inside the caller's jurisdiction (a township or a
 * village; null: the whole jurisdiction), a period, and whether numbers are wanted in full (with
 * the reason, which is logged).
 */
public record LedgerRequest(
        LedgerKind kind, String regionCode, LocalDate from, LocalDate to, boolean fullNumbers, String reason) {}
