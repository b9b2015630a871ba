package id.go.kemensos.returnee.notification;

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
 * notification-service's row of the role matrix (docs/officers.md, "Who may do what"): an officer records a returnee's SMS
 * language and opt-out as the returnee asked (a provincial officer for their own province's people, enforced at the
 * query). The gateway's delivery receipts come without an officer (platform.security.public-paths).
 */
@Component
class NotificationAccess implements ServiceAccessRules {

    @Override
    public void define(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        rules.requestMatchers(HttpMethod.PUT, "/api/contacts/*/preferences")
                .hasAnyRole(PROVINCIAL_OFFICER.name(), MINISTRY_OFFICER.name())
                .requestMatchers(HttpMethod.GET, "/api/reports/sms")
                .hasAnyRole(
                        PROVINCIAL_OFFICER.name(),
                        MINISTRY_OFFICER.name(),
                        FINANCE_MAKER.name(),
                        FINANCE_CHECKER.name(),
                        AUDITOR.name());
    }
}
