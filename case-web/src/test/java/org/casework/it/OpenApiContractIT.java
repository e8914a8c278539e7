package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document is the contract: it must name the fields the server actually reads and
 * writes (three request records called NoteRequest once shared one schema, so notes were documented
 * as taking {@code note} while the server reads {@code text}), state the length limit of every text
 * a request carries, and describe the problem responses.
 */
class OpenApiContractIT extends ApiTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    private JsonNode doc;

    @BeforeAll
    void document() {
        Api.Response r = api.get("/v3/api-docs", null);
        assertThat(r.status()).isEqualTo(200);
        doc = r.body();
    }

    @Test
    void requestBodiesAreDocumentedWithTheFieldsTheServerReads() {
        List<String> checked = new ArrayList<>();
        forEachOperation((path, method, handler) -> {
            for (MethodParameter parameter : handler.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(RequestBody.class)
                        && parameter.getParameterType().isRecord()) {
                    JsonNode schema = resolve(operation(path, method)
                            .get("requestBody")
                            .get("content")
                            .get("application/json")
                            .get("schema"));
                    assertThat(propertyNames(schema))
                            .as("request body of %s %s", method, path)
                            .isEqualTo(componentNames(parameter.getParameterType()));
                    checked.add(method + " " + path);
                }
            }
        });
        assertThat(checked).contains("POST /api/v1/cases/{caseId}/notes", "POST /api/v1/flags/{id}/notes");
        JsonNode notes = resolve(operation("/api/v1/cases/{caseId}/notes", RequestMethod.POST)
                .get("requestBody")
                .get("content")
                .get("application/json")
                .get("schema"));
        assertThat(notes.get("properties").has("text")).isTrue();
    }

    @Test
    void responsesAreDocumentedWithTheFieldsTheServerWrites() {
        List<String> checked = new ArrayList<>();
        forEachOperation((path, method, handler) -> {
            Class<?> type = responseRecord(handler.getMethod());
            JsonNode ok = operation(path, method).get("responses").get(method == RequestMethod.POST ? "201" : "200");
            if (type == null || ok == null) {
                ok = operation(path, method).get("responses").get("200");
            }
            if (type == null || ok == null || !ok.has("content")) {
                return;
            }
            JsonNode schema = resolve(
                    ok.get("content").properties().iterator().next().getValue().get("schema"));
            assertThat(propertyNames(schema))
                    .as("response of %s %s", method, path)
                    .isEqualTo(componentNames(type));
            checked.add(method + " " + path);
        });
        assertThat(checked)
                .contains(
                        "POST /api/v1/flags/{id}/notes",
                        "POST /api/v1/cases/{caseId}/notes",
                        "POST /api/v1/auth/token");
    }

    @Test
    void everyTextARequestCarriesStatesItsMaximumLength() {
        Set<String> seen = new HashSet<>();
        List<String> unbounded = new ArrayList<>();
        forEachOperation((path, method, handler) -> {
            JsonNode body = operation(path, method).get("requestBody");
            if (body != null && body.get("content").has("application/json")) {
                collectUnbounded(body.get("content").get("application/json").get("schema"), path, seen, unbounded);
            }
        });
        assertThat(unbounded).isEmpty();
    }

    @Test
    void problemResponsesAreInTheSchema() {
        JsonNode problem = doc.get("components").get("schemas").get("Problem");
        assertThat(problem).isNotNull();
        assertThat(propertyNames(problem)).contains("type", "title", "status", "detail", "instance", "code", "errors");
        forEachOperation((path, method, handler) -> {
            JsonNode responses = operation(path, method).get("responses");
            for (String status : List.of("400", "401", "403", "404", "500")) {
                assertThat(responses.has(status))
                        .as("%s %s %s", method, path, status)
                        .isTrue();
                assertThat(responses
                                .get(status)
                                .get("content")
                                .get("application/problem+json")
                                .get("schema")
                                .get("$ref")
                                .asString())
                        .isEqualTo("#/components/schemas/Problem");
            }
        });
        assertThat(operation("/api/v1/clients/{id}/reveal", RequestMethod.POST)
                        .get("responses")
                        .has("429"))
                .isTrue();
        assertThat(operation("/api/v1/clients", RequestMethod.POST)
                        .get("responses")
                        .has("413"))
                .isTrue();
    }

    // --- walking the handlers and the document ---------------------------------------------------

    private interface OperationVisitor {
        void visit(String path, RequestMethod method, HandlerMethod handler);
    }

    /** Every REST operation of the API (not the sync protocol, documented in docs/sync-protocol.md). */
    private void forEachOperation(OperationVisitor visitor) {
        mappings.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("org.casework.api")) {
                return;
            }
            for (String path : info.getPatternValues()) {
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    visitor.visit(path, method, handler);
                }
            }
        });
    }

    private JsonNode operation(String path, RequestMethod method) {
        JsonNode item = doc.get("paths").get(path);
        assertThat(item).as("documented path %s", path).isNotNull();
        JsonNode operation = item.get(method.name().toLowerCase());
        assertThat(operation).as("documented operation %s %s", method, path).isNotNull();
        return operation;
    }

    private JsonNode resolve(JsonNode schema) {
        if (schema != null && schema.has("$ref")) {
            String name = schema.get("$ref").asString().substring("#/components/schemas/".length());
            return doc.get("components").get("schemas").get(name);
        }
        return schema;
    }

    private void collectUnbounded(JsonNode schema, String where, Set<String> seen, List<String> unbounded) {
        if (schema == null) {
            return;
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asString();
            if (!seen.add(ref)) {
                return;
            }
            where = ref.substring(ref.lastIndexOf('/') + 1);
            schema = resolve(schema);
        }
        if (schema.has("items")) {
            collectUnbounded(schema.get("items"), where + "[]", seen, unbounded);
        }
        if (schema.has("properties")) {
            for (var property : schema.get("properties").properties()) {
                JsonNode value = property.getValue();
                if (isFreeString(value) && !value.has("maxLength")) {
                    unbounded.add(where + "." + property.getKey());
                }
                collectUnbounded(value, where + "." + property.getKey(), seen, unbounded);
            }
        } else if (isFreeString(schema) && !schema.has("maxLength")) {
            unbounded.add(where);
        }
    }

    /** A string that is not an enum, a date, a time or a UUID (those are checked by their type). */
    private static boolean isFreeString(JsonNode schema) {
        return schema.has("type")
                && schema.get("type").asString().equals("string")
                && !schema.has("enum")
                && !schema.has("format");
    }

    private static Set<String> propertyNames(JsonNode schema) {
        Set<String> names = new LinkedHashSet<>();
        if (schema != null && schema.has("properties")) {
            schema.get("properties").properties().forEach(p -> names.add(p.getKey()));
        }
        return names;
    }

    private static Set<String> componentNames(Class<?> record) {
        Set<String> names = new LinkedHashSet<>();
        for (RecordComponent component : record.getRecordComponents()) {
            names.add(component.getName());
        }
        return names;
    }

    /** The record a handler answers with, directly or in a ResponseEntity; null for anything else. */
    private static Class<?> responseRecord(Method method) {
        Type type = method.getGenericReturnType();
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == ResponseEntity.class) {
            type = parameterized.getActualTypeArguments()[0];
        }
        return type instanceof Class<?> c && c.isRecord() ? c : null;
    }
}
