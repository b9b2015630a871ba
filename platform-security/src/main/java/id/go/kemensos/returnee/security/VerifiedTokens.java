package id.go.kemensos.returnee.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Verifies a token's signature once and keeps the result for its next requests: an officer's browser and a service's
 * client send the same token with every request until it expires, and an RSA verification was a sixth of a
 * registration's CPU. Only the exact token string verified before is taken from here, and its claims are validated
 * again on every use, so an expired token is refused as soon as it expires. A token is kept at most {@code keptFor}
 * (shorter than the provider's token lifetime would be no gain, longer than it no risk: the expiry decides).
 */
public final class VerifiedTokens implements JwtDecoder {

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Cache<String, Jwt> verified;

    /**
     * @param verifier checks signature and claims
     * @param validator the claims' checks the verifier makes, made again on each use of a kept token
     */
    public VerifiedTokens(JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, int size, Duration keptFor) {
        this.verifier = verifier;
        this.validator = validator;
        this.verified = Caffeine.newBuilder()
                .maximumSize(size)
                .expireAfterWrite(keptFor)
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt kept = verified.getIfPresent(token);
        if (kept != null) {
            if (!validator.validate(kept).hasErrors()) {
                return kept;
            }
            verified.invalidate(token); // expired since: the verifier says why
        }
        Jwt jwt = verifier.decode(token);
        verified.put(token, jwt);
        return jwt;
    }
}
