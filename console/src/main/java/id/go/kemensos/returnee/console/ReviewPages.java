package id.go.kemensos.returnee.console;

import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The rows of the officer's province held for review (a NIK that does not match the sex or birth date, a domicile
 * outside the province, a known NIK with another identity): each is registered or rejected, always with a reason.
 */
@Controller
class ReviewPages {

    private final OfficerRelay services;

    ReviewPages(OfficerRelay services) {
        this.services = services;
    }

    @GetMapping("/reviews")
    String queue(
            @RequestParam(required = false) UUID uploadId, @RequestParam(defaultValue = "0") int page, Model model) {
        HeldRows held = services.registration()
                .get()
                .uri(uri -> uri.path("/api/uploads/reviews")
                        .queryParamIfPresent("uploadId", java.util.Optional.ofNullable(uploadId))
                        .queryParam("page", Math.max(0, page))
                        .queryParam("size", 25)
                        .build())
                .retrieve()
                .body(HeldRows.class);
        model.addAttribute("held", held);
        model.addAttribute("uploadId", uploadId);
        return "reviews";
    }

    @PostMapping("/reviews/{uploadId}/{rowNumber}")
    String decide(
            @PathVariable UUID uploadId,
            @PathVariable long rowNumber,
            @RequestParam String decision,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(required = false) UUID filter,
            RedirectAttributes redirect) {
        // Back to the queue the officer was working through: one upload's rows, or the whole province's.
        String queue = filter == null ? "redirect:/reviews" : "redirect:/reviews?uploadId=" + filter;
        if (reason.isBlank()) {
            redirect.addFlashAttribute("problem", "review.reason-needed");
            redirect.addFlashAttribute("problemRow", rowNumber);
            return queue;
        }
        if (!decision.equals("REGISTER") && !decision.equals("REJECT")) {
            redirect.addFlashAttribute("problem", "review.decision-unknown");
            return queue;
        }
        services.registration()
                .post()
                .uri("/api/uploads/{id}/rows/{row}/review", uploadId, rowNumber)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("decision", decision, "reason", reason.strip()))
                .retrieve()
                .toBodilessEntity();
        redirect.addFlashAttribute("notice", decision.equals("REGISTER") ? "review.registered" : "review.rejected");
        redirect.addFlashAttribute("noticeRow", rowNumber);
        return queue;
    }
}
