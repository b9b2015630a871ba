package id.go.kemensos.returnee.audit;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Times for DATETIME(6) columns as text to the microsecond. Connector/J takes MariaDB (which announces itself as
 * 5.5.5-...) for a server without fractional seconds and drops them from a Timestamp parameter; text keeps them.
 */
public final class DatabaseTimes {

    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private DatabaseTimes() {}

    /** UTC, as the connection's time zone is. */
    public static String microseconds(Instant time) {
        return time == null ? null : MICROS.format(LocalDateTime.ofInstant(time, ZoneOffset.UTC));
    }

    /**
     * Appends what {@link #microseconds} returns, without a formatter: a replay writes millions of times, the
     * formatter's share was seconds.
     */
    public static void appendMicroseconds(StringBuilder to, Instant time) {
        LocalDateTime t = LocalDateTime.ofInstant(time, ZoneOffset.UTC);
        if (t.getYear() < 1000 || t.getYear() > 9999) {
            to.append(microseconds(time));
            return;
        }
        to.append(t.getYear()).append('-');
        digits(to, t.getMonthValue(), 2).append('-');
        digits(to, t.getDayOfMonth(), 2).append(' ');
        digits(to, t.getHour(), 2).append(':');
        digits(to, t.getMinute(), 2).append(':');
        digits(to, t.getSecond(), 2).append('.');
        digits(to, t.getNano() / 1000, 6);
    }

    private static StringBuilder digits(StringBuilder to, int value, int width) {
        for (int divisor = width == 2 ? 10 : 100_000; divisor > 0; divisor /= 10) {
            to.append((char) ('0' + value / divisor % 10));
        }
        return to;
    }
}
