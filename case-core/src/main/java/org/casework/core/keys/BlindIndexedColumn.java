package org.casework.core.keys;

import java.util.function.UnaryOperator;

/**
 * A blind index ({@code FieldCipher.blindIndex}) kept next to an encrypted column. The index is
 * keyed too, so a key rotation recomputes it from the decrypted value. A feature that keeps one
 * declares it as a bean of this type; {@code KeyRotationCoverageTest} fails for a blind index that
 * is computed but not declared.
 *
 * @param table the table of both columns
 * @param encryptedColumn the column whose plain value is indexed
 * @param indexColumn the column holding the index
 * @param canonicalForm the form the value is indexed in, from its stored plain form
 */
public record BlindIndexedColumn(
        String table, String encryptedColumn, String indexColumn, UnaryOperator<String> canonicalForm) {}
