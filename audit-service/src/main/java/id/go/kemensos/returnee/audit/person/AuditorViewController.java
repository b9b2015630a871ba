package id.go.kemensos.returnee.audit.person;

import id.go.kemensos.returnee.security.SpreadsheetCsv;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** Auditor views over the ledger: a beneficiary's timeline and a payment's justification. Identifiers are masked. */
@RestController
@RequestMapping("/api")
class AuditorViewController {

    private final BeneficiaryTimeline timeline;
    private final PaymentJustifications justifications;

    AuditorViewController(BeneficiaryTimeline timeline, PaymentJustifications justifications) {
        this.timeline = timeline;
        this.justifications = justifications;
    }

    @Operation(summary = "Everything that happened to one beneficiary, from the ledger (format=csv for a spreadsheet)")
    @GetMapping("/beneficiaries/{beneficiaryId}/timeline")
    ResponseEntity<?> timeline(@PathVariable UUID beneficiaryId, @RequestParam(defaultValue = "json") String format) {
        List<TimelineEntry> entries = timeline.of(beneficiaryId);
        if (entries.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "The ledger holds nothing about beneficiary " + beneficiaryId));
        }
        if (!"csv".equalsIgnoreCase(format)) {
            return ResponseEntity.ok(entries);
        }
        return SpreadsheetCsv.download("timeline-" + beneficiaryId + ".csv", SpreadsheetCsv.of(
                List.of("ledger_row", "at", "topic", "event", "summary", "event_id"),
                entries.stream().map(e -> List.<Object>of(e.seq(), e.at(), e.topic(), e.event(), e.summary(), e.eventId())).toList()));
    }

    @Operation(summary = "Why a payment was made: decision trace, rule version and citations, batch, maker and checker, bank reference")
    @GetMapping("/payments/{paymentId}/justification")
    ResponseEntity<?> justification(@PathVariable UUID paymentId) {
        return justifications.of(paymentId).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "The ledger holds no scheduled payment " + paymentId)));
    }
}
