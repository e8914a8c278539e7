package org.casework.core.keys;

import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.casework.core.shared.EncryptingConverter;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.ModelPart;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.metamodel.mapping.SelectableMapping;
import org.hibernate.type.descriptor.converter.spi.JpaAttributeConverter;
import org.springframework.stereotype.Component;

/**
 * Every column that holds a field encrypted by an {@link EncryptingConverter} (strings, the flag
 * type, assessment answers), found in the JPA
 * mapping itself: a field encrypted tomorrow is rotated without anyone remembering to list it.
 * Covers entity tables (their own and embedded columns) and element-collection tables.
 */
@Component
public class EncryptedColumns {

    /**
     * The encrypted columns of one table, with the column that groups its rows: the primary key of
     * an entity table, the owner's key of an element-collection table.
     */
    public record EncryptedTable(String table, String keyColumn, List<String> columns) {}

    private final EntityManagerFactory entityManagerFactory;

    public EncryptedColumns(EntityManagerFactory entityManagerFactory) {
        this.entityManagerFactory = entityManagerFactory;
    }

    public List<EncryptedTable> tables() {
        Map<String, String> keys = new TreeMap<>();
        Map<String, Set<String>> columns = new TreeMap<>();
        SessionFactoryImplementor factory = entityManagerFactory.unwrap(SessionFactoryImplementor.class);
        factory.getMappingMetamodel().forEachEntityDescriptor(entity -> {
            String id = singleColumn(entity.getIdentifierMapping(), entity.getEntityName());
            entity.forEachSelectable((i, column) -> collect(column, id, keys, columns));
            entity.forEachAttributeMapping(attribute -> {
                if (attribute instanceof PluralAttributeMapping collection) {
                    String owner = singleColumn(
                            collection.getKeyDescriptor().getKeyPart(),
                            collection.getNavigableRole().getFullPath());
                    collection
                            .getElementDescriptor()
                            .forEachSelectable((i, column) -> collect(column, owner, keys, columns));
                }
            });
        });
        List<EncryptedTable> tables = new ArrayList<>();
        columns.forEach((table, names) -> tables.add(new EncryptedTable(table, keys.get(table), List.copyOf(names))));
        return tables;
    }

    private static void collect(
            SelectableMapping column, String key, Map<String, String> keys, Map<String, Set<String>> columns) {
        if (!isEncrypted(column)) {
            return;
        }
        String table = column.getContainingTableExpression();
        String known = keys.putIfAbsent(table, key);
        if (known != null && !known.equals(key)) {
            throw new IllegalStateException("Table " + table + " is reached through two keys: " + known + ", " + key);
        }
        columns.computeIfAbsent(table, t -> new TreeSet<>()).add(column.getSelectionExpression());
    }

    private static boolean isEncrypted(SelectableMapping column) {
        return column.getJdbcMapping().getValueConverter() instanceof JpaAttributeConverter<?, ?> converter
                && EncryptingConverter.class.isAssignableFrom(
                        converter.getConverterJavaType().getJavaTypeClass());
    }

    private static String singleColumn(ModelPart part, String owner) {
        List<String> names = new ArrayList<>();
        part.forEachSelectable((i, column) -> names.add(column.getSelectionExpression()));
        if (names.size() != 1) {
            // only matters for a table with encrypted columns; none has a composite key today
            return owner + ":" + String.join(",", names);
        }
        return names.get(0);
    }
}
