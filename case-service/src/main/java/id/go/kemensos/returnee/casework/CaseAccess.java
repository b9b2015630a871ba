package id.go.kemensos.returnee.casework;

import static id.go.kemensos.returnee.security.OfficerRole.AUDITOR;
import static id.go.kemensos.returnee.security.OfficerRole.CASE_WORKER;
import static id.go.kemensos.returnee.security.OfficerRole.MINISTRY_OFFICER;
import static id.go.kemensos.returnee.security.OfficerRole.PROTECTION_OFFICER;
import static id.go.kemensos.returnee.security.OfficerRole.PROVINCIAL_OFFICER;
import static id.go.kemensos.returnee.security.OfficerRole.REFERRAL_PARTNER;

import id.go.kemensos.returnee.security.ServiceAccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * case-service's row of the role matrix (docs/officers.md, "Who may do what"). A case shows the services a person is entitled
 * to, some of which reveal a trafficking victim: cases are read by their assigned case worker and by protection
 * officers only (the case worker's own cases and the officer's province are enforced at the query); the case worker
 * records answers, referrals, outcomes, follow-ups, needs assessments and the plan; provincial offices also see the
 * follow-up and needs counts; the ministry and auditors see counts; the partner directory is open to
 * every officer who refers or advises people; a referral partner's system sees its own referrals and records their
 * outcomes.
 */
@Component
class CaseAccess implements ServiceAccessRules {

    @Override
    public void define(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(
                        HttpMethod.GET, "/api/cases", "/api/cases/*", "/api/beneficiaries/*/case", "/api/follow-ups")
                .hasAnyRole(CASE_WORKER.name(), PROTECTION_OFFICER.name())
                .requestMatchers(
                        HttpMethod.POST,
                        "/api/offers/*/answer",
                        "/api/offers/*/referrals",
                        "/api/referrals/*/outcome",
                        "/api/follow-ups/*",
                        "/api/cases/*/assessments",
                        "/api/cases/*/plan",
                        "/api/plan-actions/*/outcome")
                .hasRole(CASE_WORKER.name())
                // The province's office hands its case workers' cases over (a case worker leaving); it reads no case.
                .requestMatchers(HttpMethod.POST, "/api/case-handovers")
                .hasRole(PROVINCIAL_OFFICER.name())
                .requestMatchers(HttpMethod.GET, "/api/case-workers")
                .hasRole(PROVINCIAL_OFFICER.name())
                // A partner's system: the referrals made to its organisation and their outcomes, nothing else.
                .requestMatchers("/api/partner/**")
                .hasRole(REFERRAL_PARTNER.name())
                .requestMatchers(HttpMethod.GET, "/api/case-reports/services")
                .hasAnyRole(MINISTRY_OFFICER.name(), AUDITOR.name(), PROTECTION_OFFICER.name())
                // Counts only, no service named: the province's office watches its overdue follow-ups too.
                .requestMatchers(
                        HttpMethod.GET,
                        "/api/case-reports/follow-ups",
                        "/api/case-reports/needs",
                        "/api/case-reports/reach")
                .hasAnyRole(
                        MINISTRY_OFFICER.name(), AUDITOR.name(), PROTECTION_OFFICER.name(), PROVINCIAL_OFFICER.name())
                // Grievances come to the province's office and its case workers; the ministry and protection officers
                // read them.
                .requestMatchers(HttpMethod.POST, "/api/grievances", "/api/grievances/*/resolution")
                .hasAnyRole(PROVINCIAL_OFFICER.name(), CASE_WORKER.name())
                .requestMatchers(HttpMethod.GET, "/api/grievances", "/api/grievances/*")
                .hasAnyRole(
                        PROVINCIAL_OFFICER.name(),
                        CASE_WORKER.name(),
                        PROTECTION_OFFICER.name(),
                        MINISTRY_OFFICER.name())
                .requestMatchers(HttpMethod.GET, "/api/case-reports/grievances")
                .hasAnyRole(
                        MINISTRY_OFFICER.name(), AUDITOR.name(), PROTECTION_OFFICER.name(), PROVINCIAL_OFFICER.name())
                .requestMatchers(HttpMethod.GET, "/api/partners", "/api/need-dimensions")
                .hasAnyRole(
                        CASE_WORKER.name(),
                        PROTECTION_OFFICER.name(),
                        PROVINCIAL_OFFICER.name(),
                        MINISTRY_OFFICER.name());
    }
}
