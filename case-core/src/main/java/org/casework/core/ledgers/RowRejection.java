package org.casework.core.ledgers;

import java.io.Serializable;

/**
 * A row of an imported ledger that was not created, with the reason as a message key and
 * arguments (the web layer words it in the user's language). Holds the row number and the name
 * typed, so the county can find the row: never the ID number.
 */
public record RowRejection(int rowNumber, String name, String messageKey, Object[] args) implements Serializable {}
