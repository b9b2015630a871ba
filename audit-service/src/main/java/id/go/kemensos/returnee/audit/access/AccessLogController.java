package id.go.kemensos.returnee.audit.access;

import id.go.kemensos.returnee.audit.ledger.AuditEntry;
import id.go.kemensos.returnee.audit.ledger.AuditLedger;
import id.go.kemensos.returnee.contracts.access.PersonalDataAccessed;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who read or exported personal data, from the ledger (Law 27/2022 accountability): for one person, for one officer, or
 * for everyone within a period. Each service records its own reads as {@link PersonalDataAccessed}; the ledger keeps
 * them.
 */
@RestController
class AccessLogController {

    private static final int MAX_ENTRIES = 5_000;

    private final AuditLedger ledger;
    private final Clock clock;

    AccessLogController(AuditLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    /** One read or export: when, by whom (subject), in which service, what, whose (if one person's), how much. */
    record AccessEntry(
            long ledgerRow,
            Instant at,
            String officer,
            String service,
            String action,
            String resource,
            UUID beneficiaryId,
            String detail) {}

    @Operation(
            summary = "Who read or exported personal data: of one person (beneficiaryId), by one officer (accessedBy "
                    + "= their subject; a query naming officer is refused like any identity field), or "
                    + "everyone's within a period",
            description = "from and to (ISO instants) bound the period, default the last 24 hours; "
                    + "a person's reads are listed whatever the period. At most 5,000 entries, oldest first.")
    @GetMapping("/api/access-log")
    ResponseEntity<?> accessLog(
            @RequestParam(required = false) UUID beneficiaryId,
            @RequestParam(required = false) String accessedBy,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        Instant until = to != null ? to : clock.instant().plusSeconds(1);
        Instant since = from != null ? from : until.minus(Duration.ofDays(1));
        if (!since.isBefore(until)) {
            return ResponseEntity.badRequest()
                    .body(ProblemDetail.forStatusAndDetail(
                            HttpStatus.BAD_REQUEST, "from harus sebelum to / from must be before to"));
        }
        List<AuditEntry> rows;
        if (beneficiaryId != null) {
            rows = ledger.bySubject(beneficiaryId.toString()).stream()
                    .filter(e -> PersonalDataAccessed.EVENT_TYPE.type().equals(e.type()))
                    .toList();
        } else if (accessedBy != null && !accessedBy.isBlank()) {
            rows = ledger.accessesBy(accessedBy.strip(), since, until);
        } else {
            rows = ledger.accessesBetween(since, until, MAX_ENTRIES);
        }
        return ResponseEntity.ok(rows.stream()
                .limit(MAX_ENTRIES)
                .map(this::entry)
                .flatMap(Optional::stream)
                .toList());
    }

    private Optional<AccessEntry> entry(AuditEntry row) {
        return ledger.payload(row)
                .filter(PersonalDataAccessed.class::isInstance)
                .map(PersonalDataAccessed.class::cast)
                .map(a -> new AccessEntry(
                        row.seq(),
                        a.at(),
                        a.officer(),
                        service(row.source()),
                        a.action(),
                        a.resource(),
                        a.beneficiaryId(),
                        a.detail()));
    }

    private static String service(String source) {
        return source == null ? null : source.substring(source.lastIndexOf('/') + 1);
    }
}
