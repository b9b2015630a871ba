package id.go.kemensos.returnee.audit.person;

import id.go.kemensos.returnee.messaging.PersonalDataAccessLog;
import id.go.kemensos.returnee.security.Officer;
import id.go.kemensos.returnee.security.SpreadsheetCsv;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Auditor views over the ledger: a beneficiary's timeline and a payment's justification. Identifiers are masked. */
@RestController
@RequestMapping("/api")
class AuditorViewController {

    private final BeneficiaryTimeline timeline;
    private final PaymentJustifications justifications;
    private final PersonalDataAccessLog accessLog;

    AuditorViewController(
            BeneficiaryTimeline timeline, PaymentJustifications justifications, PersonalDataAccessLog accessLog) {
        this.timeline = timeline;
        this.justifications = justifications;
        this.accessLog = accessLog;
    }

    @Operation(summary = "Everything that happened to one beneficiary, from the ledger (format=csv for a spreadsheet)")
    @GetMapping("/beneficiaries/{beneficiaryId}/timeline")
    ResponseEntity<?> timeline(
            @PathVariable UUID beneficiaryId, @RequestParam(defaultValue = "json") String format, Officer officer) {
        List<TimelineEntry> entries = timeline.of(beneficiaryId);
        if (entries.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(ProblemDetail.forStatusAndDetail(
                            HttpStatus.NOT_FOUND, "The ledger holds nothing about beneficiary " + beneficiaryId));
        }
        boolean csv = "csv".equalsIgnoreCase(format);
        accessLog.read(
                officer.reference(),
                beneficiaryId,
                csv ? "EXPORT_TIMELINE" : "READ_TIMELINE",
                "/api/beneficiaries/" + beneficiaryId + "/timeline" + (csv ? "?format=csv" : ""));
        if (!csv) {
            return ResponseEntity.ok(entries);
        }
        return SpreadsheetCsv.download(
                "timeline-" + beneficiaryId + ".csv",
                SpreadsheetCsv.of(
                        List.of("ledger_row", "at", "topic", "event", "summary", "event_id"),
                        entries.stream()
                                .map(e -> List.<Object>of(
                                        e.seq(), e.at(), e.topic(), e.event(), e.summary(), e.eventId()))
                                .toList()));
    }

    @Operation(
            summary = "Why a payment was made: decision trace, rule version and citations, batch, maker and checker, "
                    + "bank reference")
    @GetMapping("/payments/{paymentId}/justification")
    ResponseEntity<?> justification(@PathVariable UUID paymentId, Officer officer) {
        return justifications
                .of(paymentId)
                .<ResponseEntity<?>>map(justification -> {
                    if (justification.beneficiary() != null) {
                        accessLog.read(
                                officer.reference(),
                                justification.beneficiary().beneficiaryId(),
                                "READ_JUSTIFICATION",
                                "/api/payments/" + paymentId + "/justification");
                    }
                    return ResponseEntity.ok(justification);
                })
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .body(ProblemDetail.forStatusAndDetail(
                                HttpStatus.NOT_FOUND, "The ledger holds no scheduled payment " + paymentId)));
    }
}
