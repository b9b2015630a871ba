package id.go.kemensos.returnee.registration.upload;

import id.go.kemensos.returnee.registration.returnee.ReturneeErasure;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** An erased person's rows as uploaded are forgotten in every upload, inside the erasure's transaction. */
@Component
class ErasedPeoplesRows {

    private final UploadRepository uploads;

    ErasedPeoplesRows(UploadRepository uploads) {
        this.uploads = uploads;
    }

    @EventListener
    void on(ReturneeErasure.Erasing erasing) {
        if (erasing.nikIndex() != null) {
            uploads.purgeRawRowsOf(erasing.nikIndex());
        }
    }
}
