package id.go.kemensos.returnee.console;

import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A finance maker imports the bank's statement (CSV or MT940, recognised by disbursement-service from the content) and
 * sees what matched, which credits came back (their payments become RETURNED, to reissue) and every break to look into.
 */
@Controller
class StatementPages {

    private final OfficerRelay services;

    StatementPages(OfficerRelay services) {
        this.services = services;
    }

    @GetMapping("/finance/statements")
    String form() {
        return "finance-statements";
    }

    @PostMapping("/finance/statements")
    String importStatement(@RequestParam("file") MultipartFile file, RedirectAttributes redirect) {
        if (file.isEmpty()) {
            redirect.addFlashAttribute("problem", "statements.empty");
            return "redirect:/finance/statements";
        }
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", file.getResource());
        try {
            StatementMatch match = services.disbursement()
                    .post()
                    .uri("/api/reconciliations")
                    .contentType(MediaType.MULTIPART_FORM_DATA)
                    .body(form)
                    .retrieve()
                    .body(StatementMatch.class);
            return "redirect:/finance/statements/" + match.reconciliationId();
        } catch (OfficerRelay.Refused refused) {
            refused.tellOn(redirect);
            return "redirect:/finance/statements";
        }
    }

    @GetMapping("/finance/statements/{reconciliationId}")
    String result(@PathVariable UUID reconciliationId, Model model) {
        model.addAttribute(
                "match",
                services.disbursement()
                        .get()
                        .uri("/api/reconciliations/{id}", reconciliationId)
                        .retrieve()
                        .body(StatementMatch.class));
        return "finance-statements";
    }
}
