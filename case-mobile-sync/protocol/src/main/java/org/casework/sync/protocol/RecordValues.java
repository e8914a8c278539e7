package org.casework.sync.protocol;

import java.lang.reflect.RecordComponent;

/** The component values of a protocol record, in order: what its wire names name. */
final class RecordValues {

    private RecordValues() {}

    static Object[] of(Record record) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            try {
                values[i] = components[i].getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("protocol record " + record.getClass(), e);
            }
        }
        return values;
    }
}
