package id.go.kemensos.returnee.registration.validation;

import static id.go.kemensos.returnee.registration.validation.ProblemCode.DATE_INVALID;
import static id.go.kemensos.returnee.registration.validation.ProblemCode.RETURN_DATE_IN_FUTURE;
import static id.go.kemensos.returnee.registration.validation.SheetColumns.BIRTH_DATE;
import static id.go.kemensos.returnee.registration.validation.SheetColumns.RETURN_DATE;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates offices write: DD-MM-YYYY, DD/MM/YYYY (also DD.MM.YYYY, day and month with one or two digits), ISO
 * YYYY-MM-DD, a trailing time of day that some exports add, and Excel serial day numbers (a date cell read as a number:
 * days since 1899-12-30, so 33100 is 1990-08-15). Only five-digit serials count (1927-05-18 to 2173-10-14), so that a
 * bare year such as 2019 is never read as a day in 1905. Month-first US dates are not guessed: 08/15/1990 is invalid.
 */
public final class SheetDates {

    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4})");
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern TIME_SUFFIX = Pattern.compile("[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?$");
    /**
     * A fraction is the time of day. The 1899-12-30 epoch absorbs Excel's fictitious 29-02-1900 for every later date.
     */
    private static final Pattern SERIAL = Pattern.compile("(\\d{5})(?:\\.\\d+)?");

    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private final Clock clock;

    public SheetDates(Clock clock) {
        this.clock = clock;
    }

    /** The date, or empty when the text is no date in a supported format or does not exist (31-02-2020). */
    public Optional<LocalDate> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String text = TIME_SUFFIX.matcher(raw.strip()).replaceFirst("");
        try {
            Matcher m = DAY_FIRST.matcher(text);
            if (m.matches()) {
                return Optional.of(LocalDate.of(
                        Integer.parseInt(m.group(4)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(1))));
            }
            m = ISO.matcher(text);
            if (m.matches()) {
                return Optional.of(LocalDate.of(
                        Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
            }
            m = SERIAL.matcher(text);
            if (m.matches()) {
                return Optional.of(EXCEL_EPOCH.plusDays(Long.parseLong(m.group(1))));
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** A required date in the given column; DATE_INVALID explains the accepted formats. */
    public Checked<LocalDate> date(String column, String raw) {
        if (raw == null || raw.isBlank()) {
            return Checked.rejected(Problem.requiredMissing(column));
        }
        return parse(raw)
                .map(d -> Checked.of(d, List.of()))
                .orElseGet(() -> Checked.rejected(Problem.of(
                        column,
                        DATE_INVALID,
                        "Tanggal '" + raw.strip()
                                + "' tidak dikenali atau tidak ada di kalender; tulis sebagai tanggal-bulan-tahun, "
                                + "mis. 15-08-1990",
                        "The date '" + raw.strip()
                                + "' is not recognised or does not exist; write it as DD-MM-YYYY, e.g. 15-08-1990")));
    }

    /** The birth date (tanggal_lahir); one in the future is a typo. */
    public Checked<LocalDate> birthDate(String raw) {
        return notInFuture(
                date(BIRTH_DATE, raw),
                BIRTH_DATE,
                DATE_INVALID,
                "Tanggal lahir %s ada di masa depan",
                "The birth date %s is in the future");
    }

    /** The return date (tanggal_kepulangan); the programme pays people who have already come home. */
    public Checked<LocalDate> returnDate(String raw) {
        return notInFuture(
                date(RETURN_DATE, raw),
                RETURN_DATE,
                RETURN_DATE_IN_FUTURE,
                "Tanggal kepulangan %s ada di masa depan; hanya yang sudah pulang yang didaftarkan",
                "The return date %s is in the future; only people who have already returned are registered");
    }

    private Checked<LocalDate> notInFuture(
            Checked<LocalDate> checked, String column, ProblemCode code, String id, String en) {
        if (checked.value().isEmpty() || !checked.value().get().isAfter(LocalDate.now(clock))) {
            return checked;
        }
        String shown = String.format("%1$td-%1$tm-%1$tY", checked.value().get());
        return Checked.rejected(Problem.of(column, code, id.formatted(shown), en.formatted(shown)));
    }
}
