package id.go.kemensos.returnee.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * The API description says that every operation needs an officer's login through the provider (OpenID Connect
 * discovery), so Swagger UI's Authorize button logs in there; {@link Officer} parameters are resolved from the token,
 * not documented.
 */
@AutoConfiguration(after = PlatformSecurityAutoConfiguration.class)
@ConditionalOnClass(OpenApiCustomizer.class)
@ConditionalOnBean(PlatformSecurityProperties.class)
public class ApiDocumentation {

    static final String SCHEME = "officer-login";

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Officer.class);
    }

    @Bean
    OpenApiCustomizer officerLogin(PlatformSecurityProperties properties) {
        return api -> {
            Components components = api.getComponents() == null ? new Components() : api.getComponents();
            components.addSecuritySchemes(
                    SCHEME,
                    new SecurityScheme()
                            .type(SecurityScheme.Type.OPENIDCONNECT)
                            .openIdConnectUrl(properties.issuerUri() + "/.well-known/openid-configuration")
                            .description("An officer's login at the platform's identity provider; roles and province "
                                    + "come from the token"));
            api.components(components).addSecurityItem(new SecurityRequirement().addList(SCHEME));
        };
    }
}
