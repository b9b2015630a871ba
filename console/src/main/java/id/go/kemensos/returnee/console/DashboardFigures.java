package id.go.kemensos.returnee.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The dashboard's figures for one scope (the whole country by province, or one province by regency): people registered,
 * payments settled and their total per area, and payments settled per day. Built from the services' count reports, so
 * it holds no one's data.
 */
public record DashboardFigures(
        String provinceCode,
        List<Area> areas,
        List<Day> days,
        long registered,
        long paid,
        long paidTotal,
        long pending,
        Sms sms) {

    /** SMS delivered and failed as the gateway reported, withheld (opted out, erased), and still on their way. */
    public record Sms(long delivered, long failed, long withheld, long underway) {}

    /** One bar of the chart and one row of the table. */
    public record Area(String code, String name, long registered, long paid, long paidTotal) {}

    /** One point of the time series: payments settled that day (in the province's zone). */
    public record Day(String date, long paid, long paidTotal) {}

    static DashboardFigures of(
            String provinceCode,
            List<Map<String, Object>> registrations,
            List<Map<String, Object>> payments,
            List<Map<String, Object>> perDay,
            List<Map<String, Object>> sms,
            Provinces provinces) {
        boolean byRegency = provinceCode != null;
        Map<String, long[]> byArea = new TreeMap<>();
        long registered = 0;
        for (Map<String, Object> row : registrations) {
            String area = (String) row.get(byRegency ? "regencyCode" : "provinceCode");
            long count = number(row.get("returnees"));
            byArea.computeIfAbsent(area, a -> new long[3])[0] += count;
            registered += count;
        }
        long paid = 0;
        long paidTotal = 0;
        long pending = 0;
        for (Map<String, Object> row : payments) {
            String area = (String) row.get(byRegency ? "regency_code" : "province_code");
            long count = number(row.get("payments"));
            if ("SETTLED".equals(row.get("state"))) {
                long[] figures = byArea.computeIfAbsent(area, a -> new long[3]);
                figures[1] += count;
                figures[2] += number(row.get("total"));
                paid += count;
                paidTotal += number(row.get("total"));
            } else if (!List.of("FAILED", "REISSUED", "CANCELLED").contains(row.get("state"))) {
                pending += count;
            }
        }
        List<Area> areas = new ArrayList<>();
        byArea.forEach((code, figures) -> areas.add(new Area(
                code,
                byRegency ? provinces.regencyName(code) : provinces.name(code),
                figures[0],
                figures[1],
                figures[2])));
        Map<String, long[]> byDay = new LinkedHashMap<>();
        for (Map<String, Object> row : perDay) {
            Object day = row.get("settled_day");
            if (day != null && "SETTLED".equals(row.get("state"))) {
                long[] figures = byDay.computeIfAbsent(day.toString(), d -> new long[2]);
                figures[0] += number(row.get("payments"));
                figures[1] += number(row.get("total"));
            }
        }
        List<Day> days = new ArrayList<>();
        byDay.forEach((date, figures) -> days.add(new Day(date, figures[0], figures[1])));
        long[] messages = new long[4];
        for (Map<String, Object> row : sms) {
            int slot = switch (String.valueOf(row.get("state"))) {
                case "DELIVERED" -> 0;
                case "FAILED" -> 1;
                case "WITHHELD" -> 2;
                default -> 3;
            };
            messages[slot] += number(row.get("messages"));
        }
        return new DashboardFigures(
                provinceCode,
                List.copyOf(areas),
                List.copyOf(days),
                registered,
                paid,
                paidTotal,
                pending,
                new Sms(messages[0], messages[1], messages[2], messages[3]));
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : value == null ? 0 : Long.parseLong(value.toString());
    }
}
