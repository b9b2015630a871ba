package id.go.kemensos.returnee.eligibility;

import static id.go.kemensos.returnee.security.OfficerRole.AUDITOR;
import static id.go.kemensos.returnee.security.OfficerRole.MINISTRY_OFFICER;
import static id.go.kemensos.returnee.security.OfficerRole.PROTECTION_OFFICER;
import static id.go.kemensos.returnee.security.OfficerRole.PROVINCIAL_OFFICER;

import id.go.kemensos.returnee.security.ServiceAccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * eligibility-service's row of the role matrix (docs/officers.md, "Who may do what"). The ministry rules reviews, overrides and
 * re-evaluates; decisions and their explanations are read by the ministry, auditors and, for their own province's
 * people (enforced at the query), provincial officers.
 */
@Component
class EligibilityAccess implements ServiceAccessRules {

    @Override
    public void define(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(
                        HttpMethod.GET,
                        "/api/decisions/*",
                        "/api/decisions/*/explanation",
                        "/api/beneficiaries/*/decisions")
                .hasAnyRole(
                        PROVINCIAL_OFFICER.name(), MINISTRY_OFFICER.name(), AUDITOR.name(), PROTECTION_OFFICER.name())
                // The ministry rules decisions under the general laws and programs, protection officers those under
                // restricted laws.
                .requestMatchers(HttpMethod.GET, "/api/reviews")
                .hasAnyRole(MINISTRY_OFFICER.name(), PROTECTION_OFFICER.name())
                .requestMatchers(HttpMethod.POST, "/api/decisions/*/override")
                .hasAnyRole(MINISTRY_OFFICER.name(), PROTECTION_OFFICER.name())
                // Counts about victims: need to know (Law 21/2007 Art. 44).
                .requestMatchers(HttpMethod.GET, "/api/protection-reports/reach")
                .hasRole(PROTECTION_OFFICER.name())
                .requestMatchers(HttpMethod.POST, "/api/reevaluations")
                .hasRole(MINISTRY_OFFICER.name())
                .requestMatchers(HttpMethod.GET, "/api/reevaluations/*")
                .hasRole(MINISTRY_OFFICER.name());
    }
}
