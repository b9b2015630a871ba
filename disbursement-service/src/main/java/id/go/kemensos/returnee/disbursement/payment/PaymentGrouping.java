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
    /** The payee's sex (FEMALE, MALE), from their registration. */
    SEX("sex", "sex"),
    /** The payee's age band on the day of registration (AgeBand: UNDER_18, AGE_18_24, ...). */
    AGE_BAND("ageBand", "age_band"),
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

    /** The SQL over the ledger {@code p} and its payees {@code y} (the payee's own facts: sex and age band). */
    String expression(int utcOffsetHours) {
        if (column == null) {
            return "DATE(DATE_ADD(p.settled_at, INTERVAL " + utcOffsetHours + " HOUR))";
        }
        return (this == SEX || this == AGE_BAND ? "y." : "p.") + column;
    }

    public static Optional<PaymentGrouping> of(String label) {
        return Arrays.stream(values()).filter(g -> g.name.equals(label)).findFirst();
    }
}
