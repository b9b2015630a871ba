package id.go.kemensos.returnee.registration.returnee;

/** A registration that fails a rule the request's annotations cannot express; reported as 422 with the field named. */
public class InvalidRegistrationException extends RuntimeException {

    private final String field;

    public InvalidRegistrationException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
