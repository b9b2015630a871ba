package id.go.kemensos.returnee.notification.sms;

import id.go.kemensos.returnee.notification.contact.ContactDirectory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Messages still queued for someone who can no longer be written to are withheld, with the reason. */
@Component
class ClosedContacts {

    private final SmsMessages messages;

    ClosedContacts(SmsMessages messages) {
        this.messages = messages;
    }

    @EventListener
    void on(ContactDirectory.Closed closed) {
        messages.withholdQueued(closed.beneficiaryId(), closed.reason());
    }
}
