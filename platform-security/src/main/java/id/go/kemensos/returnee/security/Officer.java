package id.go.kemensos.returnee.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The officer making a request, as their validated access token says: the subject (the provider's stable id, which
 * events record and maker-checker compares), a name to show, roles and, for a provincial officer, the one province they
 * work in. Nothing here ever comes from a request body or parameter.
 *
 * @param province two-digit province code for a province-bound officer; null for nationwide officers
 * @param partner  for a referral partner's service account, the organisation it speaks for (case-service's partner
 *                 list id); null for everyone else
 */
public record Officer(
        String subject, String username, String displayName, Set<OfficerRole> roles, String province, String partner) {

    static final String ROLES_CLAIM = "roles";
    static final String PROVINCE_CLAIM = "province";
    static final String PARTNER_CLAIM = "partner";
    private static final Pattern PROVINCE_CODE = Pattern.compile("\\d{2}");
    private static final Pattern PARTNER_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");

    public Officer {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /**
     * Reads a validated token. A province claim that is not a two-digit code is ignored, and a provincial officer
     * without a valid one loses that role: an officer bound to no province must not see them all.
     */
    public static Officer from(Jwt token) {
        String province = token.getClaimAsString(PROVINCE_CLAIM);
        if (province != null && !PROVINCE_CODE.matcher(province).matches()) {
            province = null;
        }
        Set<OfficerRole> roles = EnumSet.noneOf(OfficerRole.class);
        Collection<String> claimed = token.hasClaim(ROLES_CLAIM) ? token.getClaimAsStringList(ROLES_CLAIM) : List.of();
        claimed.forEach(name -> OfficerRole.named(name).ifPresent(roles::add));
        if (province == null) {
            roles.remove(OfficerRole.PROVINCIAL_OFFICER);
        }
        String partner = token.getClaimAsString(PARTNER_CLAIM);
        if (partner == null || !PARTNER_ID.matcher(partner).matches()) {
            partner = null;
            roles.remove(OfficerRole.REFERRAL_PARTNER);
        }
        String username = Optional.ofNullable(token.getClaimAsString("preferred_username"))
                .orElse(token.getSubject());
        String displayName = Optional.ofNullable(token.getClaimAsString("name"))
                .filter(n -> !n.isBlank())
                .orElse(username);
        return new Officer(token.getSubject(), username, displayName, roles, province, partner);
    }

    /** The province this officer's reads and writes are confined to; empty for a nationwide officer. */
    public Optional<String> provinceScope() {
        return Optional.ofNullable(province);
    }

    /** Whether a record of this province is within this officer's reach (always, for a nationwide officer). */
    public boolean reaches(String provinceCode) {
        return province == null || province.equals(provinceCode);
    }

    /**
     * The province a request works in: for a province-bound officer their own (a parameter naming another is refused
     * with {@link OutsideProvince}, 403, since the officer asked for it openly; single records of another province are
     * 404 at their query instead); for a nationwide officer whatever was asked, possibly null (all).
     */
    public String provinceFor(String requested) {
        if (province == null) {
            return requested == null || requested.isBlank() ? null : requested;
        }
        if (requested != null && !requested.isBlank() && !requested.equals(province)) {
            throw new OutsideProvince(province, requested);
        }
        return province;
    }

    /** Refusal of a province-bound officer's request about another province. */
    public static final class OutsideProvince extends RuntimeException {
        OutsideProvince(String own, String requested) {
            super("Anda bertugas di provinsi " + own + ", bukan " + requested + " / you work in province " + own
                    + ", not " + requested);
        }
    }

    /**
     * Whether this officer may learn that someone is, or may be, a trafficking victim (need to know, Law 21/2007 Art.
     * 44).
     */
    public boolean knowsProtectionStatus() {
        return roles.contains(OfficerRole.PROTECTION_OFFICER);
    }

    /** The referral partner this token speaks for; empty for officers. */
    public Optional<String> partnerScope() {
        return Optional.ofNullable(partner);
    }

    /** How events and records name the officer who acted: the subject, which no one can change or share. */
    public String reference() {
        return subject;
    }

    @Override
    public String toString() {
        return username + " (" + subject + ")";
    }
}
