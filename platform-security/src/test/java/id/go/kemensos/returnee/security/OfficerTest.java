package id.go.kemensos.returnee.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class OfficerTest {

    private static final PlatformSecurityProperties PROPERTIES = new PlatformSecurityProperties(
            "http://idp.test/realms/returnee-platform", "returnee-platform", Duration.ofSeconds(30), List.of());

    private static Jwt token(Map<String, Object> claims, Instant issuedAt, Instant expiresAt) {
        Jwt.Builder builder = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject("0b6d8f8e-5e0c-4a53-9e0a-2f1f4b1c0001")
                .issuer(PROPERTIES.issuerUri())
                .audience(List.of("returnee-platform", "account"))
                .issuedAt(issuedAt)
                .expiresAt(expiresAt);
        claims.forEach(builder::claim);
        return builder.build();
    }

    private static Jwt token(Map<String, Object> claims) {
        return token(claims, Instant.now().minusSeconds(10), Instant.now().plusSeconds(290));
    }

    @Test
    void aProvincialOfficerIsBoundToTheProvinceOfTheToken() {
        Officer clerk = Officer.from(token(Map.of(
                "roles",
                List.of("PROVINCIAL_OFFICER", "offline_access"),
                "province",
                "52",
                "preferred_username",
                "clerk.ntb",
                "name",
                "Baiq Nurhayati")));

        assertThat(clerk.roles()).containsExactly(OfficerRole.PROVINCIAL_OFFICER);
        assertThat(clerk.displayName()).isEqualTo("Baiq Nurhayati");
        assertThat(clerk.reference()).isEqualTo("0b6d8f8e-5e0c-4a53-9e0a-2f1f4b1c0001");
        assertThat(clerk.provinceFor(null)).isEqualTo("52");
        assertThat(clerk.provinceFor("52")).isEqualTo("52");
        assertThatThrownBy(() -> clerk.provinceFor("51"))
                .isInstanceOf(Officer.OutsideProvince.class)
                .hasMessageContaining("not 51");
        assertThat(clerk.reaches("52")).isTrue();
        assertThat(clerk.reaches("51")).isFalse();
    }

    @Test
    void aProvincialOfficerWithoutAValidProvinceLosesTheRoleRatherThanSeeingEveryProvince() {
        assertThat(Officer.from(token(Map.of("roles", List.of("PROVINCIAL_OFFICER"))))
                        .roles())
                .isEmpty();
        assertThat(Officer.from(token(Map.of("roles", List.of("PROVINCIAL_OFFICER"), "province", "5x")))
                        .roles())
                .isEmpty();
    }

    @Test
    void aReferralPartnerSpeaksForThePartnerOfItsTokenAndLosesTheRoleWithoutOne() {
        Officer partner = Officer.from(token(Map.of("roles", List.of("REFERRAL_PARTNER"), "partner", "ntb-uptd-ppa")));
        assertThat(partner.roles()).containsExactly(OfficerRole.REFERRAL_PARTNER);
        assertThat(partner.partnerScope()).contains("ntb-uptd-ppa");

        assertThat(Officer.from(token(Map.of("roles", List.of("REFERRAL_PARTNER"))))
                        .roles())
                .as("no partner claim")
                .isEmpty();
        assertThat(Officer.from(token(Map.of("roles", List.of("REFERRAL_PARTNER"), "partner", "NTB UPTD;")))
                        .roles())
                .as("not a partner id")
                .isEmpty();
        assertThat(Officer.from(token(Map.of("roles", List.of("CASE_WORKER"), "province", "52")))
                        .partnerScope())
                .as("an officer speaks for no partner")
                .isEmpty();
    }

    @Test
    void aNationwideOfficerReachesEveryProvinceAndAsksForAnyOrAll() {
        Officer ministry = Officer.from(token(Map.of("roles", List.of("MINISTRY_OFFICER", "FINANCE_MAKER"))));

        assertThat(ministry.roles()).containsExactlyInAnyOrder(OfficerRole.MINISTRY_OFFICER, OfficerRole.FINANCE_MAKER);
        assertThat(ministry.provinceFor("51")).isEqualTo("51");
        assertThat(ministry.provinceFor(null)).isNull();
        assertThat(ministry.reaches("35")).isTrue();
        assertThat(ministry.displayName()).as("no name claims: the subject").isEqualTo(ministry.subject());
    }

    @Test
    void tokensOfAnotherIssuerOrAudienceAndExpiredOnesAreRefused() {
        var validator = PlatformSecurityAutoConfiguration.tokenValidator(PROPERTIES);
        assertThat(validator.validate(token(Map.of())).hasErrors()).isFalse();

        Jwt otherIssuer = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject("s")
                .issuer("http://idp.test/realms/master")
                .audience(List.of("returnee-platform"))
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60))
                .build();
        assertThat(validator.validate(otherIssuer).hasErrors()).isTrue();

        Jwt otherAudience = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject("s")
                .issuer(PROPERTIES.issuerUri())
                .audience(List.of("account"))
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60))
                .build();
        assertThat(validator.validate(otherAudience).hasErrors()).isTrue();

        Jwt expired =
                token(Map.of(), Instant.now().minusSeconds(400), Instant.now().minusSeconds(31));
        assertThat(validator.validate(expired).hasErrors()).isTrue();
        Jwt withinSkew =
                token(Map.of(), Instant.now().minusSeconds(400), Instant.now().minusSeconds(20));
        assertThat(validator.validate(withinSkew).hasErrors())
                .as("within the clock skew allowed")
                .isFalse();
    }
}
