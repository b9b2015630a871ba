package id.go.kemensos.returnee.console;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls to the services as the signed-in officer: each request carries the officer's own access token (token relay), so
 * the service decides what this officer may see and do exactly as it would for a call from anywhere else. A refusal or
 * a bad request comes back as {@link Refused} with the service's own explanation, for the page to show.
 */
@Component
class OfficerRelay {

    static final String REGISTRATION_ID = "platform";

    private final RestClient.Builder template;
    private final ServiceEndpoints endpoints;

    OfficerRelay(
            RestClient.Builder builder,
            ServiceEndpoints endpoints,
            OAuth2AuthorizedClientManager clients,
            OAuth2AuthorizedClientRepository repository) {
        OAuth2ClientHttpRequestInterceptor relay = new OAuth2ClientHttpRequestInterceptor(clients);
        relay.setClientRegistrationIdResolver(request -> REGISTRATION_ID);
        // An officer whose refresh token was revoked or expired is signed out instead of seeing the same error again.
        relay.setAuthorizationFailureHandler(
                OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(repository));
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(Duration.ofSeconds(60));
        this.template = builder.clone()
                .requestFactory(requests)
                .requestInterceptor(relay)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    throw Refused.from(
                            response.getStatusCode().value(),
                            new String(response.getBody().readAllBytes(), UTF_8));
                });
        this.endpoints = endpoints;
    }

    RestClient registration() {
        return to(endpoints.registration());
    }

    RestClient eligibility() {
        return to(endpoints.eligibility());
    }

    RestClient disbursement() {
        return to(endpoints.disbursement());
    }

    RestClient notification() {
        return to(endpoints.notification());
    }

    RestClient audit() {
        return to(endpoints.audit());
    }

    RestClient cases() {
        return to(endpoints.cases());
    }

    private RestClient to(URI base) {
        return template.clone().baseUrl(base.toString()).build();
    }

    /** A service said no (4xx) or failed (5xx); {@link #detail()} is what it explained, shown to the officer as is. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private static final JsonMapper JSON = JsonMapper.builder().build();
        private final int status;

        Refused(int status, String detail) {
            super(detail);
            this.status = status;
        }

        static Refused from(int status, String body) {
            String detail = null;
            try {
                JsonNode problem = JSON.readTree(body);
                detail = problem.path("detail").isString()
                        ? problem.path("detail").asString()
                        : null;
                if (detail == null && problem.path("errors").isArray()) {
                    detail = problem.path("errors").toString();
                }
            } catch (RuntimeException notJson) {
                // a plain-text or empty body: the status says it
            }
            return new Refused(status, detail);
        }

        int status() {
            return status;
        }

        /** A bad request or a conflict the officer can put right on the same page (not a refusal of who they are). */
        boolean correctable() {
            return status == 400 || status == 409 || status == 422;
        }

        /**
         * Tells the officer on the page they come back to what the service said, when they can put it right there;
         * anything else (403, 404, 5xx) goes on to the refused page.
         */
        void tellOn(RedirectAttributes redirect) {
            if (!correctable()) {
                throw this;
            }
            redirect.addFlashAttribute("problem", "service.refused");
            redirect.addFlashAttribute("problemRow", detail() == null ? String.valueOf(status) : detail());
        }

        String detail() {
            return getMessage();
        }
    }
}
