package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Swagger UI and the OpenAPI document are off in the production profiles (mysql, mariadb) unless
 * {@code casework.api-docs.enabled=true}; the embedded default keeps them on (OpenApiIT). The
 * production profile runs here on an in-memory H2 with a fresh key, without demo data.
 */
@StartsItsOwnServer
class ProductionApiDocsIT {

    static void production(DynamicPropertyRegistry registry) {
        registry.add(
                "CASEWORK_DB_URL",
                () -> "jdbc:h2:mem:prod-" + java.util.UUID.randomUUID()
                        + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1");
        registry.add("CASEWORK_DB_USER", () -> "sa");
        registry.add("CASEWORK_DB_PASSWORD", () -> "");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        registry.add("CASEWORK_CRYPTO_KEY", () -> Base64.getEncoder().encodeToString(key));
    }

    private static int status(int port, String path) {
        return new WebSession(port, null).get(path).status();
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    @ActiveProfiles("mariadb")
    class ByDefault {

        @LocalServerPort
        int port;

        @DynamicPropertySource
        static void properties(DynamicPropertyRegistry registry) {
            production(registry);
        }

        @Test
        void swaggerUiAndTheOpenApiDocumentAreOff() {
            assertThat(status(port, "/v3/api-docs")).isEqualTo(404);
            assertThat(status(port, "/swagger-ui.html")).isEqualTo(404);
            assertThat(status(port, "/swagger-ui/index.html")).isEqualTo(404);
            assertThat(status(port, "/actuator/health")).isEqualTo(200);
        }
    }

    @Nested
    @SpringBootTest(
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = "casework.api-docs.enabled=true")
    @ActiveProfiles("mysql")
    class WhenSwitchedOn {

        @LocalServerPort
        int port;

        @DynamicPropertySource
        static void properties(DynamicPropertyRegistry registry) {
            production(registry);
        }

        @Test
        void theOpenApiDocumentIsServed() {
            assertThat(status(port, "/v3/api-docs")).isEqualTo(200);
        }
    }
}
