package id.go.kemensos.returnee.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

class VerifiedTokensTest {

    private static final String ISSUER = "https://login.example.go.id/realms/returnee-platform";

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-08T01:00:00Z"));
    private final AtomicInteger verifications = new AtomicInteger();
    private RSAKey signingKey;
    private VerifiedTokens tokens;

    @BeforeEach
    void provider() throws Exception {
        signingKey = new RSAKeyGenerator(2048).keyID("k1").generate();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ofSeconds(30));
        timestamps.setClock(clock);
        OAuth2TokenValidator<Jwt> validator =
                new DelegatingOAuth2TokenValidator<>(List.of(timestamps, new JwtIssuerValidator(ISSUER)));
        NimbusJwtDecoder nimbus =
                NimbusJwtDecoder.withPublicKey(signingKey.toRSAPublicKey()).build();
        nimbus.setJwtValidator(validator);
        JwtDecoder counted = token -> {
            verifications.incrementAndGet();
            return nimbus.decode(token);
        };
        tokens = new VerifiedTokens(counted, validator, 100, Duration.ofMinutes(5));
    }

    @Test
    void aTokenIsVerifiedOnceForAllItsRequests() throws Exception {
        String token = signed("officer-1", clock.instant().plusSeconds(300));

        Jwt first = tokens.decode(token);
        Jwt again = tokens.decode(token);

        assertThat(again.getSubject()).isEqualTo("officer-1");
        assertThat(again.getClaims()).isEqualTo(first.getClaims());
        assertThat(verifications).hasValue(1);

        tokens.decode(signed("officer-2", clock.instant().plusSeconds(300)));
        assertThat(verifications).as("another token is verified on its own").hasValue(2);
    }

    @Test
    void aKeptTokenIsRefusedOnceItExpires() throws Exception {
        String token = signed("officer-1", clock.instant().plusSeconds(60));
        tokens.decode(token);

        clock.move(Duration.ofSeconds(91)); // past its expiry and the 30 s of skew

        assertThatThrownBy(() -> tokens.decode(token))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThat(verifications).as("the verifier said why").hasValue(2);
    }

    @Test
    void aTokenWithABadSignatureIsRefusedEveryTime() throws Exception {
        String token = signed("officer-1", clock.instant().plusSeconds(300));
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(BadJwtException.class);
        }
        assertThat(verifications).hasValue(2);
    }

    private String signed(String subject, Instant expiry) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(signingKey.getKeyID())
                        .build(),
                new JWTClaimsSet.Builder()
                        .issuer(ISSUER)
                        .subject(subject)
                        .issueTime(Date.from(clock.instant()))
                        .expirationTime(Date.from(expiry))
                        .build());
        jwt.sign(new RSASSASigner(signingKey));
        return jwt.serialize();
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
