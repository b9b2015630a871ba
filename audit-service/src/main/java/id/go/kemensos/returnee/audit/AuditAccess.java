package id.go.kemensos.returnee.audit;

import static id.go.kemensos.returnee.security.OfficerRole.AUDITOR;
import static id.go.kemensos.returnee.security.OfficerRole.DATA_PROTECTION_OFFICER;
import static id.go.kemensos.returnee.security.OfficerRole.PLATFORM_ADMIN;

import id.go.kemensos.returnee.security.ServiceAccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * audit-service's row of the role matrix (docs/officers.md, "Who may do what"): auditors verify, compare, replay and read
 * timelines and justifications (a replay writes only its own fresh schema; nothing of the ledger changes); operators
 * also check the topics' retention.
 */
@Component
class AuditAccess implements ServiceAccessRules {

    @Override
    public void define(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.GET, "/api/ledger/retention")
                .hasAnyRole(AUDITOR.name(), PLATFORM_ADMIN.name())
                .requestMatchers(HttpMethod.GET, "/api/access-log")
                .hasAnyRole(AUDITOR.name(), DATA_PROTECTION_OFFICER.name())
                .requestMatchers(
                        HttpMethod.POST,
                        "/api/ledger/verification",
                        "/api/ledger/kafka-comparison",
                        "/api/replays",
                        "/api/replays/cases",
                        "/api/replays/*/comparison")
                .hasRole(AUDITOR.name())
                .requestMatchers(
                        HttpMethod.GET,
                        "/api/ledger/head",
                        "/api/replays/*/totals",
                        "/api/replays/*/payments",
                        "/api/replays/*/payments/*/history",
                        "/api/beneficiaries/*/timeline",
                        "/api/payments/*/justification")
                .hasRole(AUDITOR.name());
    }
}
