package id.go.kemensos.returnee.registration.sheet;

import java.util.Locale;

/**
 * The file is over one of the {@link SheetLimits}: refused whole before any row is registered, with the limit named.
 */
public final class SheetLimitExceeded extends SheetReadException {

    /** Each limit's configuration property under {@code registration.upload.limits}. */
    public enum Limit {
        COLUMNS("max-columns"),
        CELL_LENGTH("max-cell-length"),
        ROWS("max-rows"),
        SHARED_STRINGS("max-shared-strings");

        private final String property;

        Limit(String property) {
            this.property = property;
        }

        public String property() {
            return "registration.upload.limits." + property;
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Limit limit;
    private final long value;

    SheetLimitExceeded(Limit limit, long value, String message) {
        super(message);
        this.limit = limit;
        this.value = value;
    }

    public Limit limit() {
        return limit;
    }

    /** The configured value that was exceeded. */
    public long value() {
        return value;
    }
}
