package id.go.kemensos.returnee.disbursement.report;

import id.go.kemensos.returnee.disbursement.payment.PaymentGrouping;
import id.go.kemensos.returnee.disbursement.payment.PaymentRepository;
import id.go.kemensos.returnee.messaging.PersonalDataAccessLog;
import id.go.kemensos.returnee.security.Officer;
import id.go.kemensos.returnee.security.SpreadsheetCsv;
import io.swagger.v3.oas.annotations.Operation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Counts and totals of payments by program, province, regency, state, batch, channel, the payee's sex and age band, or
 * settlement day, as JSON or as a CSV to open in Excel.
 */
@RestController
@RequestMapping("/api/reports")
class PaymentReportController {

    /** The province's zone a settlement day is counted in, as hours ahead of UTC. */
    private static final Map<String, Integer> ZONES = Map.of("WIB", 7, "WITA", 8, "WIT", 9);

    private final PaymentRepository payments;
    private final PersonalDataAccessLog accessLog;

    PaymentReportController(PaymentRepository payments, PersonalDataAccessLog accessLog) {
        this.payments = payments;
        this.accessLog = accessLog;
    }

    @Operation(
            summary = "Payment counts and totals (whole rupiah) grouped by program, cycle, province, regency, state, "
                    + "batch, channel (BANK_TRANSFER or POS_CASH), sex, ageBand (on the day of registration) or day",
            description = "groupBy takes a comma-separated list (default province,state); programId, cycleId and "
                    + "provinceCode filter; "
                    + "day is the day of settlement in zone (WIB, WITA or WIT; default WIB), unsettled "
                    + "payments having none; "
                    + "format=csv answers a CSV.")
    @GetMapping("/payments")
    ResponseEntity<?> payments(
            @RequestParam(defaultValue = "province,state") String groupBy,
            @RequestParam(required = false) String programId,
            @RequestParam(required = false) String cycleId,
            @RequestParam(required = false) String provinceCode,
            @RequestParam(defaultValue = "json") String format,
            @RequestParam(defaultValue = "WIB") String zone,
            Officer officer) {
        Integer offset = ZONES.get(zone);
        if (offset == null) {
            return ResponseEntity.badRequest()
                    .body(ProblemDetail.forStatusAndDetail(
                            HttpStatus.BAD_REQUEST,
                            "zona waktu tidak dikenal / unknown zone '" + zone + "'; one of " + ZONES.keySet()));
        }
        List<PaymentGrouping> groups = new ArrayList<>();
        for (String key : groupBy.split(",")) {
            Optional<PaymentGrouping> grouping = PaymentGrouping.of(key.strip());
            if (grouping.isEmpty()) {
                return ResponseEntity.badRequest()
                        .body(ProblemDetail.forStatusAndDetail(
                                HttpStatus.BAD_REQUEST,
                                "groupBy tidak dikenal / unknown groupBy '" + key + "'; one of "
                                        + Arrays.stream(PaymentGrouping.values())
                                                .map(PaymentGrouping::label)
                                                .toList()));
            }
            groups.add(grouping.get());
        }
        List<Map<String, Object>> rows = payments.totals(
                groups,
                offset,
                blankAsNull(programId),
                blankAsNull(cycleId),
                blankAsNull(officer.provinceFor(provinceCode)));
        List<String> keys = groups.stream().map(PaymentGrouping::label).toList();
        if (!"csv".equalsIgnoreCase(format)) {
            return ResponseEntity.ok(rows);
        }
        accessLog.export(
                officer.reference(),
                "EXPORT_PAYMENT_REPORT",
                "/api/reports/payments?groupBy=" + String.join(",", keys) + "&format=csv",
                rows.size() + " rows of counts and totals");
        List<String> header = new ArrayList<>(keys);
        header.add("payments");
        header.add("total");
        List<List<Object>> records = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            List<Object> values = new ArrayList<>();
            groups.forEach(g -> values.add(row.get(g.key())));
            values.add(row.get("payments"));
            values.add(row.get("total"));
            records.add(values);
        }
        return SpreadsheetCsv.download(
                "payments-" + String.join("-", keys) + ".csv", SpreadsheetCsv.of(header, records));
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
