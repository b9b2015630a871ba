package id.go.kemensos.returnee.audit.replay;

import id.go.kemensos.returnee.messaging.PersonalDataAccessLog;
import id.go.kemensos.returnee.security.Officer;
import id.go.kemensos.returnee.security.SpreadsheetCsv;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/replays")
class ReplayController {

    private static final List<String> PAYMENT_COLUMNS = List.of(
            "payment_id",
            "beneficiary_id",
            "program_id",
            "cycle_id",
            "province_code",
            "regency_code",
            "amount",
            "state",
            "batch_id",
            "prepared_by",
            "approved_by",
            "bank_code",
            "account_number_masked",
            "bank_reference",
            "reissue_of",
            "scheduled_at",
            "settled_at",
            "decision_id");

    private final PaymentHistoryReplay replay;
    private final ReplaySchema schemas;
    private final JsonMapper json;
    private final PersonalDataAccessLog accessLog;

    ReplayController(
            PaymentHistoryReplay replay, ReplaySchema schemas, JsonMapper json, PersonalDataAccessLog accessLog) {
        this.replay = replay;
        this.schemas = schemas;
        this.json = json;
        this.accessLog = accessLog;
    }

    record ReplayRequest(String asOf, String schema) {}

    @Operation(
            summary = "Rebuild the disbursement history from disbursement.events alone into a fresh schema",
            description = "asOf (optional): the report as it stood then: 2026-11-01T09:00:00+07:00, 2026-11-01T09:00 "
                    + "(WIB) or 2026-11-01 (end of day, WIB). The answer's replayId is the schema's name.")
    @PostMapping
    ResponseEntity<ReplayResult> replay(@RequestBody(required = false) ReplayRequest request) {
        ReplayRequest r = request == null ? new ReplayRequest(null, null) : request;
        return ResponseEntity.status(HttpStatus.CREATED).body(replay.replay(AsOf.parse(r.asOf()), r.schema()));
    }

    @Operation(
            summary = "Compare a replay's totals with disbursement-service's live report",
            description = "The body is that report grouped by program,province,regency,state: its JSON answer, or its "
                    + "CSV export (text/csv).")
    @PostMapping(
            value = "/{replayId}/comparison",
            consumes = {MediaType.APPLICATION_JSON_VALUE, "text/csv", MediaType.TEXT_PLAIN_VALUE})
    ReportComparison compare(
            @PathVariable String replayId,
            @RequestBody String liveReport,
            @org.springframework.web.bind.annotation.RequestHeader("Content-Type") String contentType) {
        var replay = existing(replayId);
        Map<PaymentHistory.TotalKey, PaymentHistory.Total> live =
                contentType.startsWith(MediaType.APPLICATION_JSON_VALUE)
                        ? LivePaymentReport.fromJson(liveJson(liveReport))
                        : LivePaymentReport.fromCsv(liveReport);
        return ReportComparison.of(replay, live);
    }

    private JsonNode liveJson(String liveReport) {
        try {
            return json.readTree(liveReport);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(
                    "Laporan langsung bukan JSON yang sah / The live report is not valid JSON", e);
        }
    }

    @Operation(summary = "A replay's totals by program, province, regency and state (format=csv for a spreadsheet)")
    @GetMapping("/{replayId}/totals")
    ResponseEntity<?> totals(@PathVariable String replayId, @RequestParam(defaultValue = "json") String format) {
        List<ReplayResult.TotalRow> rows = ReplayResult.rows(existing(replayId));
        if (!"csv".equalsIgnoreCase(format)) {
            return ResponseEntity.ok(rows);
        }
        return SpreadsheetCsv.download(
                replayId + "-totals.csv",
                SpreadsheetCsv.of(
                        List.of("program", "province", "regency", "state", "payments", "total"),
                        rows.stream()
                                .map(row -> Arrays.<Object>asList(
                                        row.programId(),
                                        row.provinceCode(),
                                        row.regencyCode(),
                                        row.state(),
                                        row.payments(),
                                        row.total()))
                                .toList()));
    }

    @Operation(
            summary = "A replay's payments (account numbers masked), optionally of one state; format=csv for a "
                    + "spreadsheet")
    @GetMapping("/{replayId}/payments")
    ResponseEntity<?> payments(
            @PathVariable String replayId,
            @RequestParam(required = false) String state,
            @RequestParam(defaultValue = "json") String format,
            Officer officer) {
        existing(replayId);
        List<Map<String, Object>> rows = schemas.payments(replayId, state);
        accessLog.export(
                officer.reference(),
                "csv".equalsIgnoreCase(format) ? "EXPORT_REPLAY_PAYMENTS" : "LIST_REPLAY_PAYMENTS",
                "/api/replays/" + replayId + "/payments" + (state == null ? "" : "?state=" + state),
                rows.size() + " payments");
        if (!"csv".equalsIgnoreCase(format)) {
            return ResponseEntity.ok(rows);
        }
        return SpreadsheetCsv.download(
                replayId + "-payments.csv",
                SpreadsheetCsv.of(
                        PAYMENT_COLUMNS,
                        rows.stream()
                                .map(row ->
                                        PAYMENT_COLUMNS.stream().map(row::get).toList())
                                .toList()));
    }

    @Operation(summary = "One payment's state history as the replay rebuilt it")
    @GetMapping("/{replayId}/payments/{paymentId}/history")
    List<Map<String, Object>> history(@PathVariable String replayId, @PathVariable UUID paymentId) {
        existing(replayId);
        return schemas.history(replayId, paymentId);
    }

    private Map<PaymentHistory.TotalKey, PaymentHistory.Total> existing(String replayId) {
        if (!schemas.exists(replayId)) {
            throw new NoSuchReplay(replayId);
        }
        return schemas.totals(replayId);
    }

    static final class NoSuchReplay extends RuntimeException {
        NoSuchReplay(String replayId) {
            super("No replay " + replayId);
        }
    }

    @ExceptionHandler(NoSuchReplay.class)
    ProblemDetail notFound(NoSuchReplay e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    /** A replay that could not read Kafka or write its schema says why; the schema it began stays for inspection. */
    @ExceptionHandler(IllegalStateException.class)
    ProblemDetail failed(IllegalStateException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
