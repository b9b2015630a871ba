package id.go.kemensos.returnee.console;

import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An officer's decision that a service takes with a reason alone ({@code {"reason": ...}}: rejecting a batch, accepting
 * an account, reissuing a payment). A blank reason never leaves the console; the page says what is missing, or what the
 * service refused and why, or that it is done.
 */
final class ReasonedDecision {

    private ReasonedDecision() {}

    static void send(
            RestClient service,
            String uri,
            Object id,
            String reason,
            RedirectAttributes redirect,
            String doneMessage,
            String reasonNeededMessage) {
        if (reason == null || reason.isBlank()) {
            redirect.addFlashAttribute("problem", reasonNeededMessage);
            return;
        }
        try {
            service.post()
                    .uri(uri, id)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("reason", reason.strip()))
                    .retrieve()
                    .toBodilessEntity();
            redirect.addFlashAttribute("notice", doneMessage);
        } catch (OfficerRelay.Refused refused) {
            refused.tellOn(redirect);
        }
    }
}
