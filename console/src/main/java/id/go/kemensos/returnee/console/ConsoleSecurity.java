package id.go.kemensos.returnee.console;

import java.net.URI;
import java.util.HashSet;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Officers sign in at the platform's OpenID Connect provider (authorization code; PKCE, as the console is a public
 * client); their roles come from the ID token's {@code roles} claim, as the services read them from the access token.
 * Every page needs a signed-in officer; what each role may do is the services' to decide (the console only hides what
 * an officer cannot use). CSRF tokens on every form and htmx request, and a strict content security policy: scripts and
 * styles from the console itself only.
 */
@Configuration
@EnableWebSecurity
class ConsoleSecurity {

    @Bean
    SecurityFilterChain console(
            HttpSecurity http,
            ClientRegistrationRepository registrations,
            @Value("${spring.security.oauth2.client.provider.platform.issuer-uri}") URI issuer)
            throws Exception {
        OidcClientInitiatedLogoutSuccessHandler logout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        logout.setPostLogoutRedirectUri("{baseUrl}/");
        String provider = issuer.getScheme() + "://" + issuer.getAuthority();
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/actuator/health",
                                "/actuator/health/**",
                                "/webjars/**",
                                "/console.css",
                                "/console.js",
                                "/favicon.ico",
                                "/error")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .oauth2Login(login -> login.loginPage("/oauth2/authorization/platform"))
                .logout(out -> out.logoutSuccessHandler(logout))
                .headers(headers -> headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives("default-src 'self'; script-src 'self'; style-src 'self'; "
                                        + "img-src 'self' data:; object-src 'none'; base-uri 'self'; "
                                        + "frame-ancestors 'none'; "
                                        + "form-action 'self' " + provider))
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /** ROLE_ authorities from the ID token's roles claim (the realm's roles mapper puts them in both tokens). */
    @Bean
    GrantedAuthoritiesMapper officerRoles() {
        return authorities -> {
            Set<GrantedAuthority> mapped = new HashSet<>(authorities);
            for (GrantedAuthority authority : authorities) {
                if (authority instanceof OidcUserAuthority oidc) {
                    SignedInOfficer.rolesOf(oidc.getIdToken())
                            .forEach(role -> mapped.add(new SimpleGrantedAuthority(role.authority())));
                }
            }
            return mapped;
        };
    }

    /** Hands out the signed-in officer's access token for calls to the services, refreshing it when it has expired. */
    @Bean
    OAuth2AuthorizedClientManager authorizedClients(
            ClientRegistrationRepository registrations, OAuth2AuthorizedClientRepository clients) {
        DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations, clients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken()
                .build());
        return manager;
    }
}
