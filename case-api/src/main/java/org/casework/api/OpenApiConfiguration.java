package org.casework.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Describes the API and its bearer-token authentication for /v3/api-docs and Swagger UI. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    @Bean
    OpenAPI caseworkOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Casework API 社会工作个案管理系统")
                        .version("v1")
                        .description("Registry, households, organisations and users of the station server. "
                                + "Get a token at POST /api/v1/auth/token; every answer is scoped to the "
                                + "caller's jurisdiction; errors are RFC 9457 problem details in the "
                                + "Accept-Language of the request (zh-CN default, en)."))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
