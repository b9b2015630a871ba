package id.go.kemensos.returnee.security;

import jakarta.servlet.DispatcherType;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Makes a service an OAuth 2.0 resource server of the platform's identity provider. Open without a token: liveness and
 * readiness, the API description and Swagger UI (which logs in through the provider), and the public paths a service
 * names for signed gateway callbacks. Everything else needs a valid officer token, and the service's
 * {@link ServiceAccessRules}; the metrics collector (METRICS_READER) reads /actuator/prometheus; the rest of actuator
 * needs PLATFORM_ADMIN; a path no rule names is denied.
 */
// Before Boot's defaults, which back off when this chain exists (they would add a login form or a second catch-all
// chain).
@AutoConfiguration(
        beforeName = {
            "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration"
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableConfigurationProperties(PlatformSecurityProperties.class)
public class PlatformSecurityAutoConfiguration {

    @Bean
    SecurityFilterChain officerAccess(
            HttpSecurity http, PlatformSecurityProperties properties, ObjectProvider<ServiceAccessRules> services)
            throws Exception {
        http.csrf(csrf -> csrf.disable()) // bearer tokens only, no cookies: nothing for a forged cross-site request
                // to ride on
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(rules -> {
                    rules.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                    rules.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                            .permitAll();
                    rules.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                            .permitAll();
                    if (!properties.publicPaths().isEmpty()) {
                        rules.requestMatchers(properties.publicPaths().toArray(String[]::new))
                                .permitAll();
                    }
                    rules.requestMatchers(HttpMethod.GET, "/actuator/prometheus")
                            .hasAnyRole(OfficerRole.METRICS_READER.name(), OfficerRole.PLATFORM_ADMIN.name());
                    rules.requestMatchers("/actuator/**").hasRole(OfficerRole.PLATFORM_ADMIN.name());
                    services.orderedStream().forEach(service -> service.define(rules));
                    rules.anyRequest().denyAll();
                })
                .oauth2ResourceServer(
                        server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(new OfficerTokenConverter())))
                .addFilterAfter(new IdentityInJsonBody(), AuthorizationFilter.class);
        return http.build();
    }

    /**
     * Keys are fetched from the provider's discovery document on first use, so a service starts even while the provider
     * is still starting; every token's issuer, audience, subject and expiry are checked, not only its signature, and
     * checked again at each request that brings a token whose signature was verified before ({@link VerifiedTokens}).
     */
    @Bean
    JwtDecoder officerTokenDecoder(PlatformSecurityProperties properties) {
        OAuth2TokenValidator<Jwt> validator = tokenValidator(properties);
        return new VerifiedTokens(
                new SupplierJwtDecoder(() -> {
                    NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(properties.issuerUri())
                            .build();
                    decoder.setJwtValidator(validator);
                    return decoder;
                }),
                validator,
                10_000,
                Duration.ofMinutes(5));
    }

    static OAuth2TokenValidator<Jwt> tokenValidator(PlatformSecurityProperties properties) {
        return new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtTimestampValidator(properties.clockSkew()),
                new JwtIssuerValidator(properties.issuerUri()),
                new JwtClaimValidator<List<String>>(
                        JwtClaimNames.AUD, aud -> aud != null && aud.contains(properties.audience())),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && !sub.isBlank())));
    }

    @Bean
    RefusalAnswers refusalAnswers() {
        return new RefusalAnswers();
    }

    @Bean
    RequestBodyAnswers requestBodyAnswers() {
        return new RequestBodyAnswers();
    }

    @Bean
    IdentityInRequestRefusal identityInRequestRefusal() {
        return new IdentityInRequestRefusal();
    }

    @Bean
    WebMvcConfigurer officerArguments(IdentityInRequestRefusal refusal) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CurrentOfficer());
            }

            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(refusal);
            }
        };
    }

    /** Resolves a controller parameter of type {@link Officer} from the request's validated token. */
    static final class CurrentOfficer implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == Officer.class;
        }

        @Override
        public Officer resolveArgument(
                MethodParameter parameter,
                ModelAndViewContainer mav,
                NativeWebRequest request,
                WebDataBinderFactory binders) {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication instanceof JwtAuthenticationToken token) {
                return Officer.from(token.getToken());
            }
            throw new IllegalStateException(
                    "No officer token on a request that needs one; the access rules should have refused it");
        }
    }
}
