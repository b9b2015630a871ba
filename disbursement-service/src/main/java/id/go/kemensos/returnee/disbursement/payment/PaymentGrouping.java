package id.go.kemensos.returnee.disbursement.payment;

import java.util.Arrays;
import java.util.Optional;

/** What payment totals may be grouped by, each with the ledger column behind it: never a column name from a request. */
public enum PaymentGrouping {
    PROGRAM("program", "program_id"),
    CYCLE("cycle", "cycle_id"),
    PROVINCE("province", "province_code"),
    REGENCY("regency", "regency_code"),
    STATE("state", "state"),
    BATCH("batch", "batch_id"),
    /** BANK_TRANSFER, or POS_CASH for people without an account, paid at a post office. */
    CHANNEL("channel", "channel"),
    /** The day a payment settled, in the province's zone; unsettled payments have none. */
    DAY("day", null);

    private final String name;
    private final String column;

    PaymentGrouping(String name, String column) {
        this.name = name;
        this.column = column;
    }

    /** As a report's request names it. */
    public String label() {
        return name;
    }

    /** The column of the result rows that holds this grouping's value. */
    public String key() {
        return column == null ? "settled_day" : column;
    }

    String expression(int utcOffsetHours) {
        return column == null ? "DATE(DATE_ADD(settled_at, INTERVAL " + utcOffsetHours + " HOUR))" : column;
    }

    public static Optional<PaymentGrouping> of(String label) {
        return Arrays.stream(values()).filter(g -> g.name.equals(label)).findFirst();
    }
}
