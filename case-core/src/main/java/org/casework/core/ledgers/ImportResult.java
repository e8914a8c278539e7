package org.casework.core.ledgers;

import java.util.List;
import java.util.UUID;

/** What an import did: rows read, rows created, and each refused row with its reason. */
public record ImportResult(UUID importId, int totalRows, int acceptedRows, List<RowRejection> rejections)
        implements java.io.Serializable {}
