package org.casework.sync.server;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casework.core.shared.InvalidInputException;
import org.casework.sync.protocol.MutationKind;
import org.casework.sync.protocol.MutationPayload;
import org.casework.sync.protocol.MutationPayload.EditProfile;
import org.casework.sync.protocol.SyncNames;
import org.casework.sync.protocol.SyncNames.MutationProperty;
import org.casework.sync.server.engine.DeviceMutation;
import org.casework.sync.server.engine.MutationFields;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A pushed mutation's JSON (protocol §2.1), read and written with the names of {@link SyncNames}
 * only. Reading never fails the batch: a mutation whose {@code id} or {@code counter} is unreadable
 * comes out without them (refused as malformed); any other problem (an {@code entityId} that is no
 * id, {@code fields} that are no object, a value of the wrong type, an unknown field, a text over
 * {@link #MAX_TEXT_LENGTH}) is raised when the engine asks for the payload, so it is refused and
 * recorded for that mutation alone, with the field it concerns.
 */
public final class MutationFieldsJson implements MutationFields {

    /** The longest text a mutation field may carry (the domain's own limits are at most this). */
    public static final int MAX_TEXT_LENGTH = 4000;
    /** Longest field name a refusal repeats (an unknown field's name is the device's). */
    private static final int MAX_NAME_LENGTH = 50;
    /** Longest type or device time kept as sent. */
    private static final int MAX_KEPT_LENGTH = 100;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonNode fields;
    private final JsonNode before;
    /** A problem of the mutation's other properties, raised with the payload. */
    private final InvalidInputException problem;

    MutationFieldsJson(JsonNode fields, JsonNode before) {
        this(fields, before, null);
    }

    private MutationFieldsJson(JsonNode fields, JsonNode before, InvalidInputException problem) {
        this.fields = fields;
        this.before = before;
        this.problem = problem;
    }

    /** One element of a sync request's {@code mutations}, whatever it holds. */
    public static DeviceMutation read(JsonNode m) {
        if (m == null || !m.isObject()) {
            return new DeviceMutation(
                    null,
                    null,
                    null,
                    null,
                    null,
                    new MutationFieldsJson(
                            null, null, new InvalidInputException(MutationProperty.FIELDS, "sync.mutation.malformed")),
                    null);
        }
        List<InvalidInputException> problems = new ArrayList<>();
        UUID id = uuidOrNull(m.get(MutationProperty.ID));
        Long counter = longOrNull(m.get(MutationProperty.COUNTER));
        String type = kept(m.get(MutationProperty.TYPE));
        UUID entityId = null;
        JsonNode entity = m.get(MutationProperty.ENTITY_ID);
        if (!absent(entity)) {
            entityId = uuidOrNull(entity);
            if (entityId == null) {
                problems.add(invalid(MutationProperty.ENTITY_ID));
            }
        }
        Long baseVersion = null;
        JsonNode base = m.get(MutationProperty.BASE_VERSION);
        if (!absent(base)) {
            baseVersion = longOrNull(base);
            if (baseVersion == null) {
                problems.add(invalid(MutationProperty.BASE_VERSION));
            }
        }
        JsonNode fields = m.get(MutationProperty.FIELDS);
        if (!absent(fields) && !fields.isObject()) {
            problems.add(invalid(MutationProperty.FIELDS));
        }
        JsonNode before = m.get(MutationProperty.BEFORE);
        if (!absent(before) && !before.isObject()) {
            problems.add(invalid(MutationProperty.BEFORE));
        }
        return new DeviceMutation(
                id,
                counter,
                type,
                entityId,
                baseVersion,
                new MutationFieldsJson(fields, before, problems.isEmpty() ? null : problems.get(0)),
                kept(m.get(MutationProperty.AT)));
    }

    @Override
    public MutationPayload payload(MutationKind kind) {
        if (problem != null) {
            throw problem;
        }
        JsonNode f = absent(fields) ? JSON.createObjectNode() : fields;
        if (kind == MutationKind.EDIT_PROFILE) {
            return editProfile(f);
        }
        List<String> names = kind.fieldNames();
        for (String name : f.propertyNames()) {
            if (!names.contains(name)) {
                throw new InvalidInputException(clip(name, MAX_NAME_LENGTH), "sync.field.unknown");
            }
        }
        RecordComponent[] components = kind.payloadType().getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = value(components[i].getType(), f.get(names.get(i)), names.get(i));
        }
        try {
            Constructor<? extends MutationPayload> constructor = kind.payloadType()
                    .getDeclaredConstructor(Arrays.stream(components)
                            .map(RecordComponent::getType)
                            .toArray(Class<?>[]::new));
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("payload record " + kind.payloadType(), e);
        }
    }

    private EditProfile editProfile(JsonNode f) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : f.properties()) {
            if (!SyncNames.EDITABLE_PROFILE_FIELDS.contains(e.getKey())) {
                throw new InvalidInputException(clip(e.getKey(), MAX_NAME_LENGTH), "sync.field.notEditable");
            }
            values.put(e.getKey(), text(e.getValue(), e.getKey()));
        }
        Map<String, String> was = null;
        if (!absent(before)) {
            was = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : before.properties()) {
                // only the edited fields' values count; anything else the device sent is ignored
                if (values.containsKey(e.getKey())) {
                    was.put(e.getKey(), text(e.getValue(), MutationProperty.BEFORE));
                }
            }
        }
        return new EditProfile(values, was);
    }

    /** A payload's {@code fields} as the device sends them: absent values left out, a cleared profile field null. */
    public static ObjectNode writeFields(MutationPayload payload) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        payload.wireValues().forEach((name, value) -> {
            if (value == null) {
                out.putNull(name);
            } else if (value instanceof Integer n) {
                out.put(name, n);
            } else if (value instanceof Map<?, ?> map) {
                out.set(name, JSON.valueToTree(map));
            } else {
                out.put(name, value.toString());
            }
        });
        return out;
    }

    /** A profile edit's {@code before}, or null when it has none. */
    public static ObjectNode writeBefore(EditProfile edit) {
        if (edit.before() == null) {
            return null;
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        edit.before().forEach((name, value) -> out.put(name, value));
        return out;
    }

    private static Object value(Class<?> type, JsonNode node, String name) {
        if (type == String.class) {
            return text(node, name);
        }
        if (absent(node)) {
            return null;
        }
        if (type == Map.class) {
            if (!node.isObject()) {
                throw new InvalidInputException(name, "service.observations.notObject");
            }
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                map.put(e.getKey(), JSON.treeToValue(e.getValue(), Object.class));
            }
            return map;
        }
        if (type == Integer.class) {
            if (node.isIntegralNumber() && node.canConvertToInt()) {
                return node.intValue();
            }
            if (node.isNumber()) {
                throw invalid(name);
            }
        }
        String text = text(node, name);
        if (text == null) {
            return null;
        }
        try {
            if (type == UUID.class) {
                return UUID.fromString(text);
            }
            if (type == Integer.class) {
                return Integer.valueOf(text);
            }
            if (type == Instant.class) {
                return Instant.parse(text);
            }
            if (type == LocalDate.class) {
                return LocalDate.parse(text);
            }
        } catch (RuntimeException e) {
            throw invalid(name);
        }
        throw new IllegalStateException("no reader for " + type + " (" + name + ")");
    }

    /**
     * A text field: a JSON text (numbers and true/false as their text, as devices have always sent
     * them), null when absent or blank; a list or an object is refused, as is a text over the limit.
     */
    private static String text(JsonNode node, String name) {
        if (absent(node)) {
            return null;
        }
        if (!node.isValueNode()) {
            throw invalid(name);
        }
        String text = node.asString();
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new InvalidInputException(name, "sync.field.tooLong", MAX_TEXT_LENGTH);
        }
        return text.isBlank() ? null : text;
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    private static UUID uuidOrNull(JsonNode node) {
        if (absent(node) || !node.isString()) {
            return null;
        }
        try {
            return UUID.fromString(node.asString().strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Long longOrNull(JsonNode node) {
        return !absent(node) && node.isIntegralNumber() && node.canConvertToLong() ? node.longValue() : null;
    }

    /** A property kept as sent (as text, cut to a sane length), null when absent. */
    private static String kept(JsonNode node) {
        if (absent(node)) {
            return null;
        }
        return clip(node.isString() ? node.asString() : node.toString(), MAX_KEPT_LENGTH);
    }

    private static String clip(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }

    private static InvalidInputException invalid(String field) {
        return new InvalidInputException(field, "sync.field.invalid");
    }
}
