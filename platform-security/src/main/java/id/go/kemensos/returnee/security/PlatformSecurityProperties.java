package id.go.kemensos.returnee.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param issuerUri   the identity provider's issuer; its discovery document names the keys that sign tokens
 * @param audience    what a token must name in {@code aud} to be meant for this platform
 * @param clockSkew   tolerance for clocks that differ between provider and service when checking expiry
 * @param publicPaths paths reached without an officer's token because something else authenticates them (a gateway's
 *                    signed callback)
 */
@ConfigurationProperties("platform.security")
public record PlatformSecurityProperties(
        @DefaultValue("http://127.0.0.1:8180/realms/returnee-platform")
        String issuerUri,

        @DefaultValue("returnee-platform") String audience,
        @DefaultValue("30s") Duration clockSkew,
        @DefaultValue List<String> publicPaths) {}
