package id.go.kemensos.returnee.registration.sheet;

/** Receives data rows one at a time, in file order; a runtime exception thrown here stops the read and propagates. */
@FunctionalInterface
public interface RowHandler {

    void row(SheetRow row);
}
