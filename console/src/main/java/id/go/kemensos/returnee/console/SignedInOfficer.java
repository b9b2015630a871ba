package id.go.kemensos.returnee.console;

import id.go.kemensos.returnee.security.OfficerRole;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Who is signed in, as the identity provider's ID token says: for the header and for laying out the pages. The services
 * check the access token on every call regardless; this decides only what the console offers.
 */
public record SignedInOfficer(
        String subject, String username, String displayName, Set<OfficerRole> roles, String provinceCode) {

    static SignedInOfficer of(OidcUser user) {
        Set<OfficerRole> roles = rolesOf(user.getIdToken());
        String name = user.getFullName() != null && !user.getFullName().isBlank()
                ? user.getFullName()
                : user.getPreferredUsername();
        return new SignedInOfficer(
                user.getSubject(), user.getPreferredUsername(), name, roles, user.getClaimAsString("province"));
    }

    /**
     * The platform's roles in an ID token's {@code roles} claim (the realm's roles mapper puts them in both tokens).
     */
    static Set<OfficerRole> rolesOf(OidcIdToken token) {
        List<String> claimed = token.getClaimAsStringList("roles");
        Set<OfficerRole> roles = EnumSet.noneOf(OfficerRole.class);
        if (claimed != null) {
            claimed.stream().map(OfficerRole::named).flatMap(Optional::stream).forEach(roles::add);
        }
        return roles;
    }

    /** The province a page works in: a provincial officer's own, else what was asked (blank: all, null). */
    String scope(String requested) {
        return provincial() ? provinceCode : requested == null || requested.isBlank() ? null : requested.strip();
    }

    /** For templates: {@code officer.can('PROVINCIAL_OFFICER')}. */
    public boolean can(String role) {
        return OfficerRole.named(role).map(roles::contains).orElse(false);
    }

    /** Whether this officer prepared a batch (compared by subject, as disbursement-service does). */
    public boolean prepared(PaymentBatch batch) {
        return subject.equals(batch.preparedBy());
    }

    public boolean provincial() {
        return provinceCode != null && !provinceCode.isBlank();
    }
}
