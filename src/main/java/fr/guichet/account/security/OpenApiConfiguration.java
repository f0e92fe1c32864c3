package fr.guichet.account.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI guichetOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Guichet API")
                        .version("v1")
                        .description("Personal API tokens are created in \"Mon compte\" and sent as Bearer tokens. "
                                + "Errors are RFC 9457 problem details."))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")));
    }
}
