package id.go.kemensos.returnee.console;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The province's office hands a case worker's cases to another (a case worker leaving, a regency given its own): the
 * roster with how many cases each follows, and the handover form. case-service decides who may and to whom.
 */
@Controller
class CaseHandoverPages {

    /** One line of {@code GET /api/case-workers}: caseWorker null counts the cases nobody follows. */
    public record CaseWorkerLoad(String caseWorker, long cases) {}

    private final OfficerRelay services;

    CaseHandoverPages(OfficerRelay services) {
        this.services = services;
    }

    @GetMapping("/case-handovers")
    String roster(Model model) {
        List<CaseWorkerLoad> roster = services.cases()
                .get()
                .uri("/api/case-workers")
                .retrieve()
                .body(new ParameterizedTypeReference<List<CaseWorkerLoad>>() {});
        model.addAttribute("roster", roster == null ? List.of() : roster);
        return "case-handovers";
    }

    @PostMapping("/case-handovers")
    String handOver(
            @RequestParam(required = false) String from,
            @RequestParam String to,
            @RequestParam(required = false) String regencyCode,
            RedirectAttributes redirect) {
        Map<String, String> body = new HashMap<>();
        if (from != null && !from.isBlank()) {
            body.put("from", from.strip());
        }
        body.put("to", to.strip());
        if (regencyCode != null && !regencyCode.isBlank()) {
            body.put("regencyCode", regencyCode.strip());
        }
        try {
            Map<String, Integer> moved = services.cases()
                    .post()
                    .uri("/api/case-handovers")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body)
                    .retrieve()
                    .body(new ParameterizedTypeReference<Map<String, Integer>>() {});
            redirect.addFlashAttribute("notice", "handover.done");
            redirect.addFlashAttribute("noticeRow", moved == null ? 0 : moved.getOrDefault("moved", 0));
        } catch (OfficerRelay.Refused refused) {
            refused.tellOn(redirect);
        }
        return "redirect:/case-handovers";
    }
}
