package id.go.kemensos.returnee.notification.sms;

import id.go.kemensos.returnee.messaging.LockConflicts;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.UUID;

/** Delivery receipts posted by the SMS gateway for the messages it accepted (clientRef is our message id). */
@RestController
class DeliveryReceiptController {

    private final SmsMessages messages;

    DeliveryReceiptController(SmsMessages messages) {
        this.messages = messages;
    }

    record DeliveryReport(String messageId, String clientRef, String status, Instant deliveredAt) {
    }

    @Operation(summary = "The SMS gateway's delivery receipt: DELIVERED or FAILED for a message it accepted")
    @PostMapping("/api/sms/receipts")
    ResponseEntity<Void> receipt(@RequestBody DeliveryReport report) {
        UUID messageId;
        try {
            messageId = UUID.fromString(report.clientRef());
        } catch (IllegalArgumentException | NullPointerException e) {
            return ResponseEntity.badRequest().build();
        }
        // 202 also for a receipt of an unknown or already final message: there is nothing for the gateway to retry.
        // The gateway posts a receipt once: a transaction lost to a lock conflict is run again rather than answered with a 500.
        LockConflicts.retry("receipt of SMS " + messageId, () -> messages.recordReceipt(messageId, report.status(), report.deliveredAt()));
        return ResponseEntity.accepted().build();
    }
}
