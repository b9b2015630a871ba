package id.go.kemensos.returnee.disbursement;

import static id.go.kemensos.returnee.security.OfficerRole.AUDITOR;
import static id.go.kemensos.returnee.security.OfficerRole.FINANCE_CHECKER;
import static id.go.kemensos.returnee.security.OfficerRole.FINANCE_MAKER;
import static id.go.kemensos.returnee.security.OfficerRole.MINISTRY_OFFICER;
import static id.go.kemensos.returnee.security.OfficerRole.PROVINCIAL_OFFICER;

import id.go.kemensos.returnee.security.ServiceAccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * disbursement-service's row of the role matrix (docs/officers.md, "Who may do what"). Makers prepare, set ceilings, import
 * statements, accept accounts and reissue; checkers approve or reject (never a batch they prepared: checked by subject
 * in {@code PaymentBatches}); finance and auditors read payments; the ministry also reads budgets and reports.
 */
@Component
class DisbursementAccess implements ServiceAccessRules {

    @Override
    public void define(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        String maker = FINANCE_MAKER.name();
        String checker = FINANCE_CHECKER.name();
        rules.requestMatchers(
                        HttpMethod.POST,
                        "/api/batches",
                        "/api/reconciliations",
                        "/api/payments/*/account-review",
                        "/api/payments/*/reissue")
                .hasRole(maker)
                .requestMatchers(HttpMethod.PUT, "/api/budgets/*/*/*", "/api/budgets/*/*/*/regencies/*")
                .hasRole(maker)
                .requestMatchers(HttpMethod.POST, "/api/batches/*/approval", "/api/batches/*/rejection")
                .hasRole(checker)
                // The batch's documents name its payees: those who decide on it and those who audit it.
                .requestMatchers(
                        HttpMethod.GET,
                        "/api/batches/*/nominal-list.xlsx",
                        "/api/batches/*/nominal-list.pdf",
                        "/api/batches/*/handover-record.pdf")
                .hasAnyRole(maker, checker, AUDITOR.name())
                .requestMatchers(HttpMethod.GET, "/api/account-reviews")
                .hasAnyRole(maker, checker)
                .requestMatchers(
                        HttpMethod.GET,
                        "/api/batches",
                        "/api/batches/*",
                        "/api/payments",
                        "/api/payments/*",
                        "/api/reconciliations/*")
                .hasAnyRole(maker, checker, AUDITOR.name())
                .requestMatchers(HttpMethod.GET, "/api/budgets", "/api/budgets/*/*/*/regencies")
                .hasAnyRole(maker, checker, AUDITOR.name(), MINISTRY_OFFICER.name())
                // Counts and totals, no one's data: a provincial officer sees their own province's (enforced at the
                // query).
                .requestMatchers(HttpMethod.GET, "/api/reports/payments")
                .hasAnyRole(maker, checker, AUDITOR.name(), MINISTRY_OFFICER.name(), PROVINCIAL_OFFICER.name());
    }
}
