package id.go.kemensos.returnee.notification.sms;

import id.go.kemensos.returnee.messaging.LockConflicts;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Delivery receipts posted by the SMS gateway for the messages it accepted (clientRef is our message id). */
@RestController
class DeliveryReceiptController {

    private static final Logger log = LoggerFactory.getLogger(DeliveryReceiptController.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SmsMessages messages;
    private final ReceiptSignature signature;

    DeliveryReceiptController(SmsMessages messages, ReceiptSignature signature) {
        this.messages = messages;
        this.signature = signature;
    }

    record DeliveryReport(String messageId, String clientRef, String status, Instant deliveredAt) {}

    @Operation(
            summary = "The SMS gateway's delivery receipt: DELIVERED or FAILED for a message it accepted",
            description =
                    "Signed by the gateway (X-Receipt-Signature: t=<unix seconds>,v1=<HMAC-SHA256 of t.body>); 401 "
                            + "otherwise.")
    @PostMapping("/api/sms/receipts")
    ResponseEntity<Void> receipt(
            @RequestBody byte[] body, @RequestHeader(value = ReceiptSignature.HEADER, required = false) String signed) {
        String refusal = signature.refusal(signed, body);
        if (refusal != null) {
            log.warn("SMS delivery receipt refused: {}", refusal);
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        UUID messageId;
        DeliveryReport report;
        try {
            report = JSON.readValue(body, DeliveryReport.class);
            messageId = UUID.fromString(report.clientRef());
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            return ResponseEntity.badRequest().build();
        }
        // 202 also for a receipt of an unknown or already final message: there is nothing for the gateway to retry.
        // The gateway posts a receipt once: a transaction lost to a lock conflict is run again rather than answered
        // with a 500.
        LockConflicts.retry(
                "receipt of SMS " + messageId,
                () -> messages.recordReceipt(messageId, report.status(), report.deliveredAt()));
        return ResponseEntity.accepted().build();
    }
}
