package org.casework.sync.client;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casework.sync.protocol.MutationPayload;
import org.casework.sync.protocol.PulledRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The typed protocol records as JSON trees, with the names of {@link
 * org.casework.sync.protocol.SyncNames} only: pulled records read from the local store ({@link
 * StoredRecord#as}), mutation payloads written into the outbox. Reading is lenient (a value of
 * another shape, say from a newer server, reads as null); writing leaves absent values out, as the
 * protocol's devices always have.
 */
final class RecordJson {

    private RecordJson() {}

    /** A record's typed fields; names come from {@link PulledRecord#fieldNames}. */
    static <T> T read(JsonNode fields, Class<T> type) {
        List<String> names = PulledRecord.fieldNames(type);
        if (names == null) {
            throw new IllegalArgumentException("not a protocol record: " + type);
        }
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            JsonNode node = fields == null ? null : fields.get(names.get(i));
            values[i] = value(components[i].getGenericType(), node);
        }
        try {
            Constructor<T> constructor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("protocol record " + type, e);
        }
    }

    /** A mutation's {@code fields}, in the protocol's order; a cleared profile field is null. */
    static ObjectNode fields(MutationPayload payload) {
        ObjectNode out = Json.object();
        payload.wireValues().forEach((name, value) -> {
            if (value == null) {
                out.putNull(name);
            } else if (value instanceof Integer n) {
                out.put(name, n);
            } else if (value instanceof Map<?, ?> map) {
                out.set(name, Json.MAPPER.valueToTree(map));
            } else {
                out.put(name, value.toString());
            }
        });
        return out;
    }

    /** A record as JSON with its wire names ({@link PulledRecord#wireValues}), absent (null) values left out. */
    static ObjectNode write(PulledRecord record) {
        ObjectNode out = Json.object();
        record.wireValues().forEach((name, value) -> {
            if (value != null) {
                out.set(name, Json.MAPPER.valueToTree(value));
            }
        });
        return out;
    }

    private static Object value(Type type, JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw == String.class) {
            return node.isValueNode() ? node.asString() : Json.write(node);
        }
        if (raw == Map.class) {
            return node.isObject() ? Json.MAPPER.convertValue(node, LinkedHashMap.class) : null;
        }
        if (raw == List.class) {
            if (!node.isArray()) {
                return null;
            }
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            List<Object> list = new ArrayList<>();
            for (JsonNode item : node) {
                list.add(element instanceof Class<?> c && c.isRecord() ? read(item, c) : value(element, item));
            }
            return List.copyOf(list.stream().filter(java.util.Objects::nonNull).toList());
        }
        if (raw == Boolean.class) {
            return node.isBoolean() ? node.booleanValue() : Boolean.valueOf(node.asString());
        }
        if (raw == Integer.class || raw == Long.class) {
            if (node.isIntegralNumber()) {
                return raw == Integer.class ? (Object) node.intValue() : (Object) node.longValue();
            }
            try {
                return raw == Integer.class
                        ? (Object) Integer.valueOf(node.asString().strip())
                        : (Object) Long.valueOf(node.asString().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        String text = node.asString().strip();
        try {
            if (raw == UUID.class) {
                return UUID.fromString(text);
            }
            if (raw == LocalDate.class) {
                return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
            }
            if (raw == Instant.class) {
                return Json.instant(text);
            }
        } catch (RuntimeException e) {
            return null;
        }
        throw new IllegalStateException("no reader for " + type);
    }
}
