package id.go.kemensos.returnee.security;

import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's part of the role matrix: which roles may call which of its endpoints. Applied before a request reaches a
 * controller, so a caller without the right is refused before its body is read; any path no rule names is denied.
 * Whether a provincial officer may touch a particular person is the service's own check, at its query.
 */
@FunctionalInterface
public interface ServiceAccessRules {

    void define(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules);
}
