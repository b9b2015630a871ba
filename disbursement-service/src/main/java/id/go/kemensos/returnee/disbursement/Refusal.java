package id.go.kemensos.returnee.disbursement;

/**
 * A finance request the ledger will not carry out (no such batch or payment, already decided, the preparer approving their
 * own batch...), with a message in Bahasa Indonesia and English. Answered 404 or 409 by {@link RefusalAnswers}.
 */
public class Refusal extends RuntimeException {

    private final boolean notFound;

    private Refusal(boolean notFound, String message) {
        super(message);
        this.notFound = notFound;
    }

    public static Refusal notFound(String message) {
        return new Refusal(true, message);
    }

    public static Refusal conflict(String message) {
        return new Refusal(false, message);
    }

    public boolean isNotFound() {
        return notFound;
    }
}
