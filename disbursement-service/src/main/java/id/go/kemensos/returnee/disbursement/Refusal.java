package id.go.kemensos.returnee.disbursement;

/**
 * A finance request the ledger will not carry out (no such batch or payment, already decided, the preparer approving their
 * own batch...), with a message in Bahasa Indonesia and English. Answered 404, 409 or 403 by {@link RefusalAnswers}.
 */
public class Refusal extends RuntimeException {

    /** What was refused: a thing that does not exist, a state that does not allow it, or an officer who may not do it. */
    public enum Kind { NOT_FOUND, CONFLICT, FORBIDDEN }

    private final Kind kind;

    private Refusal(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public static Refusal notFound(String message) {
        return new Refusal(Kind.NOT_FOUND, message);
    }

    public static Refusal conflict(String message) {
        return new Refusal(Kind.CONFLICT, message);
    }

    /** The officer holds the role but may not act on this one (the maker of a batch approving it). */
    public static Refusal forbidden(String message) {
        return new Refusal(Kind.FORBIDDEN, message);
    }

    public Kind kind() {
        return kind;
    }

    public boolean isNotFound() {
        return kind == Kind.NOT_FOUND;
    }
}
