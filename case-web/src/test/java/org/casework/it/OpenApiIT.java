package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.casework.it.Api.Response;
import org.junit.jupiter.api.Test;

/** The API describes itself, and the server reports its health, both without a login. */
class OpenApiIT extends ApiTest {

    @Test
    void publishesTheOpenApiDescriptionOfTheRestApi() {
        Response r = api.get("/v3/api-docs", null);

        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.body().get("openapi").asString()).startsWith("3.");
        assertThat(r.body().get("paths").has("/api/v1/clients")).isTrue();
        assertThat(r.body().get("paths").has("/api/v1/clients/{id}")).isTrue();
        assertThat(r.body().get("paths").get("/api/v1/clients").has("post")).isTrue();
        assertThat(r.body().get("paths").has("/api/v1/auth/token")).isTrue();
        assertThat(r.body().get("paths").has("/api/v1/plans/{id}/approve")).isTrue();
        assertThat(r.body().get("paths").has("/api/v1/cases/{caseId}/notes")).isTrue();
    }

    @Test
    void reportsHealthWithoutALogin() {
        Response r = api.get("/actuator/health", null);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("status").asString()).isEqualTo("UP");
        assertThat(r.body().has("components"))
                .as("no details for anonymous callers")
                .isFalse();
    }
}
