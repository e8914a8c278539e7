package org.casework.api.problems;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Puts the RFC 9457 problem into the OpenAPI document: a {@code Problem} schema (with the
 * {@code code} and field {@code errors} this API adds) and the error responses every operation can
 * give, so a client generated from the document knows what a refusal looks like. The statuses are
 * the ones {@link ProblemDetailsAdvice} and the security filters answer with.
 */
@Component
class ProblemResponses implements OpenApiCustomizer {

    static final String SCHEMA = "Problem";
    static final String MEDIA_TYPE = "application/problem+json";

    private static final Map<String, String> ALWAYS = new LinkedHashMap<>();
    private static final Map<String, String> WITH_BODY = new LinkedHashMap<>();

    static {
        ALWAYS.put(
                "400",
                "Bad input: a field over its limit, a control character, a malformed request, a page out of range");
        ALWAYS.put("401", "No valid token");
        ALWAYS.put("403", "Not allowed for the caller's role");
        ALWAYS.put("404", "Not found, or outside the caller's jurisdiction");
        ALWAYS.put("500", "Unexpected error; nothing was saved");
        WITH_BODY.put("409", "A stale version, or a clash with stored data");
        WITH_BODY.put("413", "The request body is over its limit (stated in the detail and limitBytes)");
        WITH_BODY.put("415", "Unsupported content type");
    }

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getComponents().addSchemas(SCHEMA, problemSchema());
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.readOperationsMap().forEach((method, operation) -> addResponses(path, method, operation));
            }
        });
    }

    private static void addResponses(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        ALWAYS.forEach((status, text) -> responses.putIfAbsent(status, problem(text)));
        if (operation.getRequestBody() != null) {
            WITH_BODY.forEach((status, text) -> responses.putIfAbsent(status, problem(text)));
        }
        if (path.endsWith("/reveal")) {
            responses.putIfAbsent(
                    "429", problem("The caller reached the limit of full numbers per period (Retry-After header)"));
        }
        operation.setResponses(responses);
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                MEDIA_TYPE,
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA))));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        ObjectSchema error = new ObjectSchema();
        error.addProperty("field", new StringSchema().description("the request field at fault"));
        error.addProperty("message", new StringSchema().description("what is wrong, in the caller's language"));
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem details, in the Accept-Language of the request (zh-CN default, en)");
        problem.addProperty("type", new StringSchema().example("about:blank"));
        problem.addProperty("title", new StringSchema().example("Bad Request"));
        problem.addProperty("status", new IntegerSchema().example(400));
        problem.addProperty("detail", new StringSchema().example("内容过长：最多 300 个字（现为 301 个）。"));
        problem.addProperty("instance", new StringSchema().example("/api/v1/clients"));
        problem.addProperty(
                "code",
                new StringSchema()
                        .description("stable message key of the refusal")
                        .example("error.text.tooLong"));
        problem.addProperty("errors", new ArraySchema().items(error).description("the fields at fault, when known"));
        problem.addProperty(
                "limitBytes", new IntegerSchema().format("int64").description("413 only: the body limit in bytes"));
        problem.addProperty(
                "retryAfterSeconds", new IntegerSchema().format("int64").description("429 only: when to try again"));
        return problem;
    }
}
