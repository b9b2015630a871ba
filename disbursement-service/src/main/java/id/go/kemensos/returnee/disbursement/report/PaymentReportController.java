package id.go.kemensos.returnee.disbursement.report;

import id.go.kemensos.returnee.security.Officer;
import id.go.kemensos.returnee.messaging.PersonalDataAccessLog;
import io.swagger.v3.oas.annotations.Operation;
import id.go.kemensos.returnee.security.SpreadsheetCsv;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts and totals of payments by program, province, regency, state or batch, as JSON or as a CSV to open in Excel. */
@RestController
@RequestMapping("/api/reports")
class PaymentReportController {

    /** What a report may be grouped by, and the ledger column behind each: never a column name from the request. */
    private static final Map<String, String> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put("program", "program_id");
        GROUPS.put("cycle", "cycle_id");
        GROUPS.put("province", "province_code");
        GROUPS.put("regency", "regency_code");
        GROUPS.put("state", "state");
        GROUPS.put("batch", "batch_id");
        GROUPS.put("day", "settled_day");
    }

    /**
     * The day a payment settled, in the zone asked for (the province's: WIB, WITA or WIT), from its UTC settlement time.
     * A whitelist of SQL fragments: the zone never reaches the statement as text from the request.
     */
    private static final Map<String, String> SETTLED_DAY = Map.of(
            "WIB", "DATE(DATE_ADD(settled_at, INTERVAL 7 HOUR))",
            "WITA", "DATE(DATE_ADD(settled_at, INTERVAL 8 HOUR))",
            "WIT", "DATE(DATE_ADD(settled_at, INTERVAL 9 HOUR))");

    private final JdbcTemplate jdbc;
    private final PersonalDataAccessLog accessLog;

    PaymentReportController(JdbcTemplate jdbc, PersonalDataAccessLog accessLog) {
        this.jdbc = jdbc;
        this.accessLog = accessLog;
    }

    @Operation(summary = "Payment counts and totals (whole rupiah) grouped by program, cycle, province, regency, state, batch or day",
            description = "groupBy takes a comma-separated list (default province,state); programId, cycleId and provinceCode filter; "
                    + "day is the day of settlement in zone (WIB, WITA or WIT; default WIB), unsettled payments having none; "
                    + "format=csv answers a CSV.")
    @GetMapping("/payments")
    ResponseEntity<?> payments(@RequestParam(defaultValue = "province,state") String groupBy, @RequestParam(required = false) String programId,
                               @RequestParam(required = false) String cycleId, @RequestParam(required = false) String provinceCode,
                               @RequestParam(defaultValue = "json") String format, @RequestParam(defaultValue = "WIB") String zone,
                               Officer officer) {
        String settledDay = SETTLED_DAY.get(zone);
        if (settledDay == null) {
            return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "zona waktu tidak dikenal / unknown zone '" + zone + "'; one of " + SETTLED_DAY.keySet()));
        }
        List<String> keys = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        for (String key : groupBy.split(",")) {
            String column = GROUPS.get(key.strip());
            if (column == null) {
                return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                        "groupBy tidak dikenal / unknown groupBy '" + key + "'; one of " + GROUPS.keySet()));
            }
            keys.add(key.strip());
            columns.add(column);
        }
        List<Object> args = new ArrayList<>();
        List<String> where = new ArrayList<>();
        where.add("live IS NOT NULL OR state = 'REISSUED'");
        filter(where, args, "program_id", programId);
        filter(where, args, "cycle_id", cycleId);
        filter(where, args, "province_code", officer.provinceFor(provinceCode));
        String select = String.join(", ", columns);
        String selected = columns.stream().map(c -> c.equals("settled_day") ? settledDay + " AS settled_day" : c)
                .collect(java.util.stream.Collectors.joining(", "));
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT " + selected + ", COUNT(*) AS payments, SUM(amount) AS total FROM payment_intent "
                + "WHERE (" + String.join(") AND (", where) + ") GROUP BY " + select + " ORDER BY " + select, args.toArray());
        // A day is a calendar date, written as one ("2026-12-05"), not as a driver's midnight timestamp.
        rows.forEach(row -> row.computeIfPresent("settled_day", (column, day) -> day instanceof java.sql.Date date
                ? date.toLocalDate().toString() : day.toString()));
        if (!"csv".equalsIgnoreCase(format)) {
            return ResponseEntity.ok(rows);
        }
        accessLog.export(officer.reference(), "EXPORT_PAYMENT_REPORT", "/api/reports/payments?groupBy=" + String.join(",", keys)
                + "&format=csv", rows.size() + " rows of counts and totals");
        List<String> header = new ArrayList<>(keys);
        header.add("payments");
        header.add("total");
        List<List<Object>> records = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            List<Object> values = new ArrayList<>();
            columns.forEach(c -> values.add(row.get(c)));
            values.add(row.get("payments"));
            values.add(row.get("total"));
            records.add(values);
        }
        return SpreadsheetCsv.download("payments-" + String.join("-", keys) + ".csv", SpreadsheetCsv.of(header, records));
    }

    private static void filter(List<String> where, List<Object> args, String column, String value) {
        if (value != null && !value.isBlank()) {
            where.add(column + " = ?");
            args.add(value);
        }
    }
}
