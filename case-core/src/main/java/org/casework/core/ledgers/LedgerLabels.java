package org.casework.core.ledgers;

/**
 * Texts of a ledger in the user's language (headers, enum labels, reasons). The core has no message
 * bundle: the web layer passes its own.
 */
@FunctionalInterface
public interface LedgerLabels {

    String text(String key, Object... args);

    /** The label of an enum value under a prefix ("sex" + MALE → 男), empty for null. */
    default String of(String prefix, Enum<?> value) {
        return value == null ? "" : text(prefix + "." + value.name());
    }
}
