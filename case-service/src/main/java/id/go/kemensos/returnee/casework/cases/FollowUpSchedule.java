package id.go.kemensos.returnee.casework.cases;

import id.go.kemensos.returnee.casework.reference.ProvinceCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When follow-ups fall due (casework.follow-ups, periods from the day a case opened) and when an open one is overdue
 * (casework.follow-up-grace after its due date), in days of the province's own time zone.
 */
@Component
class FollowUpSchedule {

    private final List<Period> after;
    private final Period grace;
    private final ProvinceCalendar calendar;

    FollowUpSchedule(
            @Value("${casework.follow-ups}") String followUps,
            @Value("${casework.follow-up-grace}") String grace,
            ProvinceCalendar calendar) {
        this.after = Arrays.stream(followUps.split(","))
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .map(p -> period("casework.follow-ups (CASEWORK_FOLLOW_UPS)", p))
                .toList();
        this.grace = period("casework.follow-up-grace (CASEWORK_FOLLOW_UP_GRACE)", grace.strip());
        this.calendar = calendar;
    }

    private static Period period(String setting, String text) {
        try {
            return Period.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalStateException(
                    setting + ": '" + text + "' is not an ISO-8601 period such as P1M or P14D", e);
        }
    }

    /** The due dates of a case opened at this instant in this province. */
    List<LocalDate> dueDates(Instant openedAt, String provinceCode) {
        LocalDate opened = calendar.dayOf(openedAt, provinceCode);
        return after.stream().map(opened::plus).toList();
    }

    LocalDate today(String provinceCode) {
        return calendar.today(provinceCode);
    }

    /** An open follow-up due before this day is overdue. */
    LocalDate overdueBefore(String provinceCode) {
        return today(provinceCode).minus(grace);
    }
}
