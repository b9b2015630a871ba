package id.go.kemensos.returnee.audit;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Times for DATETIME(6) columns as text to the microsecond. Connector/J takes MariaDB (which announces itself as 5.5.5-...)
 * for a server without fractional seconds and drops them from a Timestamp parameter; text keeps them.
 */
public final class DatabaseTimes {

    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private DatabaseTimes() {
    }

    /** UTC, as the connection's time zone is. */
    public static String microseconds(Instant time) {
        return time == null ? null : MICROS.format(LocalDateTime.ofInstant(time, ZoneOffset.UTC));
    }
}
