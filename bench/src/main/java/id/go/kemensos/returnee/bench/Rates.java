package id.go.kemensos.returnee.bench;

import java.util.Locale;

/** Arithmetic and formatting shared by the figures. */
final class Rates {

    private Rates() {}

    static double perSecond(long count, long nanos) {
        return nanos <= 0 ? 0 : count * 1e9 / nanos;
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    static String count(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    static String decimal(double value) {
        return String.format(Locale.ROOT, "%,.1f", value);
    }

    static String millis(long nanos) {
        return String.format(Locale.ROOT, "%,.1f ms", nanos / 1e6);
    }

    static String secondsText(long nanos) {
        return String.format(Locale.ROOT, "%,.1f s", nanos / 1e9);
    }

    static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.2f %%", ratio * 100);
    }
}
