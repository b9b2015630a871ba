package id.go.kemensos.returnee.registration.sheet;

/**
 * The file cannot be read as a sheet at all (not a ZIP, no worksheet, broken quoting); the caller rejects the whole
 * upload.
 */
public class SheetReadException extends RuntimeException {

    public SheetReadException(String message, Throwable cause) {
        super(message, cause);
    }

    public SheetReadException(String message) {
        super(message);
    }
}
