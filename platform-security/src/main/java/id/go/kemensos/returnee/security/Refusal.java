package id.go.kemensos.returnee.security;

/**
 * A request a service will not carry out: the thing does not exist, its state does not allow it (already decided, paid,
 * superseded...), or this officer may not act on this one (the maker of a batch approving it), with a message in Bahasa
 * Indonesia and English. Every service answers it alike, 404, 409, 403 or 400 as a problem detail ({@link RefusalAnswers}).
 */
public class Refusal extends RuntimeException {

    /**
     * What was refused: a thing that does not exist, a state that does not allow it, or an officer who may not do it.
     */
    public enum Kind {
        NOT_FOUND,
        CONFLICT,
        FORBIDDEN,
        /** The request names something that cannot be used for it (a partner who does not provide the service). */
        INVALID
    }

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

    /** The request is well formed but asks for something that cannot be (400). */
    public static Refusal invalid(String message) {
        return new Refusal(Kind.INVALID, message);
    }

    public Kind kind() {
        return kind;
    }

    public boolean isNotFound() {
        return kind == Kind.NOT_FOUND;
    }
}
