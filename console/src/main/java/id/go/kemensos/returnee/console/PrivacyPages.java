package id.go.kemensos.returnee.console;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Law 27/2022 in the console. The data protection officer finds the person a request is about by NIK and erases their
 * personal data (a ground, the request's reference, and a confirmation: it cannot be undone). Auditors and the data
 * protection officer read the access log: who read or exported personal data, of one person, by one officer, or in a
 * period.
 */
@Controller
class PrivacyPages {

    /**
     * The grounds registration-service accepts (Law 27/2022: the subject's request, the end of retention, an order).
     */
    static final List<String> GROUNDS = List.of("DATA_SUBJECT_REQUEST", "RETENTION_ENDED", "ORDER");

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    public record Erasure(UUID beneficiaryId, Instant erasedAt, String erasedBy, boolean erasedNow) {}

    public record Access(
            long ledgerRow,
            Instant at,
            String officer,
            String service,
            String action,
            String resource,
            UUID beneficiaryId,
            String detail) {}

    private final OfficerRelay services;

    PrivacyPages(OfficerRelay services) {
        this.services = services;
    }

    @GetMapping("/privacy")
    String privacy(Model model) {
        model.addAttribute("grounds", GROUNDS);
        return "privacy";
    }

    @PostMapping("/privacy/lookup")
    String lookup(@RequestParam(defaultValue = "") String query, Model model) {
        ReturneePages.findByNik(services, query, model).ifPresent(person -> model.addAttribute("person", person));
        model.addAttribute("grounds", GROUNDS);
        return "privacy";
    }

    @PostMapping("/privacy/erasure/{beneficiaryId}")
    String erase(
            @PathVariable UUID beneficiaryId,
            @RequestParam(defaultValue = "") String ground,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "false") boolean confirmed,
            RedirectAttributes redirect) {
        if (!confirmed || reason.isBlank() || !GROUNDS.contains(ground)) {
            redirect.addFlashAttribute("problem", "privacy.incomplete");
            return "redirect:/privacy";
        }
        try {
            Erasure done = services.registration()
                    .post()
                    .uri("/api/returnees/{id}/erasure", beneficiaryId)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("ground", ground, "reason", reason.strip()))
                    .retrieve()
                    .body(Erasure.class);
            redirect.addFlashAttribute(
                    "notice", done != null && done.erasedNow() ? "privacy.erased" : "privacy.erased-before");
            redirect.addFlashAttribute("noticeRow", beneficiaryId);
        } catch (OfficerRelay.Refused refused) {
            refused.tellOn(redirect);
        }
        return "redirect:/privacy";
    }

    /** Days are the officer's calendar days in WIB, the ministry's time; without any filter, the last day. */
    @GetMapping("/access-log")
    String accessLog(
            @RequestParam(required = false) String beneficiaryId,
            @RequestParam(required = false) String accessedBy,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Model model) {
        Optional<UUID> person = AuditPages.parse(beneficiaryId);
        if (beneficiaryId != null && !beneficiaryId.isBlank() && person.isEmpty()) {
            model.addAttribute("problem", "audit.bad-id");
        }
        Optional<Instant> since =
                Optional.ofNullable(from).map(day -> day.atStartOfDay(WIB).toInstant());
        Optional<Instant> until = Optional.ofNullable(to)
                .map(day -> day.plusDays(1).atStartOfDay(WIB).toInstant());
        List<Access> entries = services.audit()
                .get()
                .uri(uri -> uri.path("/api/access-log")
                        .queryParamIfPresent("beneficiaryId", person)
                        .queryParamIfPresent(
                                "accessedBy",
                                Optional.ofNullable(accessedBy)
                                        .filter(s -> !s.isBlank())
                                        .map(String::strip))
                        .queryParamIfPresent("from", since)
                        .queryParamIfPresent("to", until)
                        .build())
                .retrieve()
                .body(new ParameterizedTypeReference<List<Access>>() {});
        model.addAttribute("entries", entries == null ? List.of() : entries);
        model.addAttribute("beneficiaryId", person.orElse(null));
        model.addAttribute("accessedBy", accessedBy);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "access-log";
    }
}
