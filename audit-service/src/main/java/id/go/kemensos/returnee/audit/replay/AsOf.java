package id.go.kemensos.returnee.audit.replay;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * An auditor's "as of": an instant with its offset (2026-11-01T09:00:00+07:00, or Z), a local date-time, or a date
 * (taken as the end of that day). Without an offset the ministry's time, Asia/Jakarta (WIB), is meant.
 */
public final class AsOf {

    public static final ZoneId MINISTRY_TIME = ZoneId.of("Asia/Jakarta");

    private AsOf() {}

    public static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(t).atZone(MINISTRY_TIME).toInstant();
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(t)
                            .plusDays(1)
                            .atStartOfDay(MINISTRY_TIME)
                            .toInstant()
                            .minusNanos(1000);
                } catch (DateTimeParseException notDate) {
                    throw new IllegalArgumentException(
                            "asOf '" + text + "' is not a date (2026-11-01), a date-time (2026-11-01T09:00) "
                                    + "or a date-time with offset (2026-11-01T09:00:00+07:00)");
                }
            }
        }
    }
}
