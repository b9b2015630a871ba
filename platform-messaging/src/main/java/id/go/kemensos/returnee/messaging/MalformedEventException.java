package id.go.kemensos.returnee.messaging;

/**
 * A record that can never be processed as it is: not a CloudEvent, or a payload that does not match its declared type.
 * Retrying cannot help, so the error handler sends it straight to the dead-letter topic.
 */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
