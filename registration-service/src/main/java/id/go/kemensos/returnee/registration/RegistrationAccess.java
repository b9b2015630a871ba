package id.go.kemensos.returnee.registration;

import static id.go.kemensos.returnee.security.OfficerRole.AUDITOR;
import static id.go.kemensos.returnee.security.OfficerRole.CASE_WORKER;
import static id.go.kemensos.returnee.security.OfficerRole.DATA_PROTECTION_OFFICER;
import static id.go.kemensos.returnee.security.OfficerRole.FINANCE_CHECKER;
import static id.go.kemensos.returnee.security.OfficerRole.FINANCE_MAKER;
import static id.go.kemensos.returnee.security.OfficerRole.MINISTRY_OFFICER;
import static id.go.kemensos.returnee.security.OfficerRole.PROTECTION_OFFICER;
import static id.go.kemensos.returnee.security.OfficerRole.PROVINCIAL_OFFICER;

import id.go.kemensos.returnee.security.ServiceAccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * registration-service's row of the role matrix (docs/officers.md, "Who may do what"). Provincial officers register, upload,
 * review and amend the people of their own province (enforced at each query); the ministry and auditors read everyone.
 */
@Component
class RegistrationAccess implements ServiceAccessRules {

    @Override
    public void define(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.POST, "/api/returnees")
                .hasRole(PROVINCIAL_OFFICER.name())
                .requestMatchers(HttpMethod.PATCH, "/api/returnees/*")
                .hasRole(PROVINCIAL_OFFICER.name())
                // Whether someone is a trafficking victim: need to know (Law 21/2007 Art. 44).
                .requestMatchers(HttpMethod.PUT, "/api/returnees/*/trafficking-status")
                .hasRole(PROTECTION_OFFICER.name())
                // Counts by category and trafficking status say who the victims are.
                .requestMatchers(HttpMethod.GET, "/api/protection-reports/returnees")
                .hasRole(PROTECTION_OFFICER.name())
                .requestMatchers(HttpMethod.POST, "/api/returnees/*/erasure")
                .hasRole(DATA_PROTECTION_OFFICER.name())
                // A look-up by NIK reads like GET /api/returnees/{id}; the data protection officer finds whom a request
                // is about.
                .requestMatchers(HttpMethod.POST, "/api/returnees/search")
                .hasAnyRole(
                        PROVINCIAL_OFFICER.name(), MINISTRY_OFFICER.name(), AUDITOR.name(), PROTECTION_OFFICER.name())
                .requestMatchers(HttpMethod.POST, "/api/returnees/lookup")
                .hasAnyRole(
                        PROVINCIAL_OFFICER.name(),
                        MINISTRY_OFFICER.name(),
                        AUDITOR.name(),
                        PROTECTION_OFFICER.name(),
                        DATA_PROTECTION_OFFICER.name())
                .requestMatchers(HttpMethod.GET, "/api/returnees")
                .hasAnyRole(
                        PROVINCIAL_OFFICER.name(), MINISTRY_OFFICER.name(), AUDITOR.name(), PROTECTION_OFFICER.name())
                // A case worker reaches the people of their own cases (the controller checks the assignment).
                .requestMatchers(HttpMethod.GET, "/api/returnees/*")
                .hasAnyRole(
                        PROVINCIAL_OFFICER.name(),
                        MINISTRY_OFFICER.name(),
                        AUDITOR.name(),
                        PROTECTION_OFFICER.name(),
                        CASE_WORKER.name())
                .requestMatchers(HttpMethod.POST, "/api/uploads", "/api/uploads/*/rows/*/review")
                .hasRole(PROVINCIAL_OFFICER.name())
                .requestMatchers(HttpMethod.GET, "/api/uploads/reviews", "/api/uploads/*/error-report")
                .hasRole(PROVINCIAL_OFFICER.name())
                .requestMatchers(HttpMethod.GET, "/api/uploads/*")
                .hasAnyRole(PROVINCIAL_OFFICER.name(), MINISTRY_OFFICER.name(), AUDITOR.name())
                .requestMatchers(HttpMethod.GET, "/api/reports/returnees", "/api/reports/returnees/reach")
                .hasAnyRole(
                        PROVINCIAL_OFFICER.name(),
                        MINISTRY_OFFICER.name(),
                        FINANCE_MAKER.name(),
                        FINANCE_CHECKER.name(),
                        AUDITOR.name());
    }
}
