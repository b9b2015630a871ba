package id.go.kemensos.returnee.console;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The auditor's pages over audit-service: verify the ledger's hash chain, a beneficiary's timeline and why a payment
 * was made. Reading only: the one form, verification, recomputes the chain and changes nothing. Each read of a person
 * is recorded in the access log by audit-service, as for any caller.
 */
@Controller
class AuditPages {

    /**
     * disbursement-service's payment report grouped as a replay's totals are (audit-service's LivePaymentReport reads
     * the same).
     */
    static final String LIVE_REPORT = "/api/reports/payments?groupBy=program,province,regency,state";

    private final OfficerRelay services;

    AuditPages(OfficerRelay services) {
        this.services = services;
    }

    @GetMapping("/audit")
    String audit() {
        return "audit";
    }

    @PostMapping("/audit/verification")
    String verify(Model model) {
        model.addAttribute(
                "verification",
                services.audit()
                        .post()
                        .uri("/api/ledger/verification")
                        .retrieve()
                        .body(AuditViews.Verification.class));
        return "audit";
    }

    /**
     * The look-up form: an id pasted by the auditor, to the page that shows it (a malformed id is said so, not thrown).
     */
    @GetMapping("/audit/lookup")
    String lookup(@RequestParam String kind, @RequestParam String id, RedirectAttributes redirect) {
        Optional<UUID> parsed = parse(id);
        if (parsed.isEmpty()) {
            redirect.addFlashAttribute("problem", "audit.bad-id");
            return "redirect:/audit";
        }
        return "payment".equals(kind)
                ? "redirect:/audit/payments/" + parsed.get()
                : "redirect:/audit/beneficiaries/" + parsed.get();
    }

    @GetMapping("/audit/beneficiaries/{beneficiaryId}")
    String timeline(@PathVariable UUID beneficiaryId, Model model) {
        List<AuditViews.TimelineEntry> entries = services.audit()
                .get()
                .uri("/api/beneficiaries/{id}/timeline", beneficiaryId)
                .retrieve()
                .body(new ParameterizedTypeReference<List<AuditViews.TimelineEntry>>() {});
        model.addAttribute("beneficiaryId", beneficiaryId);
        model.addAttribute("entries", entries == null ? List.of() : entries);
        return "timeline";
    }

    @GetMapping("/audit/payments/{paymentId}")
    String justification(@PathVariable UUID paymentId, Model model) {
        model.addAttribute(
                "why",
                services.audit()
                        .get()
                        .uri("/api/payments/{id}/justification", paymentId)
                        .retrieve()
                        .body(AuditViews.Justification.class));
        return "justification";
    }

    @GetMapping("/audit/replays")
    String replays() {
        return "replays";
    }

    /**
     * Rebuilds the payment history from the event log alone, as it stood at the end of a day (WIB) or at a moment of
     * it, or now; the run's figures travel to the replay's page once (the totals stay readable there at any time).
     */
    @PostMapping("/audit/replays")
    String replay(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOfDate,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) LocalTime asOfTime,
            RedirectAttributes redirect) {
        Map<String, String> request = asOfDate == null
                ? Map.of()
                : Map.of(
                        "asOf",
                        asOfTime == null
                                ? asOfDate.toString()
                                : LocalDateTime.of(asOfDate, asOfTime).toString());
        AuditViews.Replay replay = services.audit()
                .post()
                .uri("/api/replays")
                .contentType(MediaType.APPLICATION_JSON)
                .body(request)
                .retrieve()
                .body(AuditViews.Replay.class);
        redirect.addFlashAttribute("run", replay.run());
        redirect.addFlashAttribute("anomalies", replay.anomalies());
        return "redirect:/audit/replays/" + replay.run().replayId();
    }

    @GetMapping("/audit/replays/{replayId}")
    String replayTotals(@PathVariable String replayId, Model model) {
        model.addAttribute("replayId", replayId);
        model.addAttribute(
                "totals",
                services.audit()
                        .get()
                        .uri("/api/replays/{id}/totals", replayId)
                        .retrieve()
                        .body(new ParameterizedTypeReference<List<AuditViews.ReplayTotal>>() {}));
        return "replays";
    }

    @GetMapping("/audit/replays/{replayId}/totals.csv")
    ResponseEntity<byte[]> replayTotalsCsv(@PathVariable String replayId) {
        byte[] csv = services.audit()
                .get()
                .uri("/api/replays/{id}/totals?format=csv", replayId)
                .retrieve()
                .body(byte[].class);
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(replayId + "-totals.csv", StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv == null ? new byte[0] : csv);
    }

    /** The live report, read with the auditor's own token, compared group by group with what the replay rebuilt. */
    @PostMapping("/audit/replays/{replayId}/comparison")
    String compare(@PathVariable String replayId, RedirectAttributes redirect) {
        String live = services.disbursement().get().uri(LIVE_REPORT).retrieve().body(String.class);
        redirect.addFlashAttribute(
                "comparison",
                services.audit()
                        .post()
                        .uri("/api/replays/{id}/comparison", replayId)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(live == null ? "[]" : live)
                        .retrieve()
                        .body(AuditViews.ReportComparison.class));
        return "redirect:/audit/replays/" + replayId;
    }

    /** An id as an officer pastes it (surrounding spaces allowed); empty when blank or malformed. */
    static Optional<UUID> parse(String id) {
        try {
            return id == null || id.isBlank() ? Optional.empty() : Optional.of(UUID.fromString(id.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
