package id.go.kemensos.returnee.notification.sms;

import id.go.kemensos.returnee.messaging.LockConflicts;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

/**
 * Delivery receipts posted by the SMS gateway for the messages it accepted (clientRef is our message id), gathered as
 * aggregators post them: {@code {"results": [...]}}, recorded together in one transaction.
 */
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

    record DeliveryReports(List<DeliveryReport> results) {}

    @Operation(
            summary = "The SMS gateway's delivery receipts: DELIVERED or FAILED for messages it accepted",
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
        List<SmsMessages.DeliveryReceipt> receipts = new ArrayList<>();
        try {
            for (DeliveryReport report :
                    JSON.readValue(body, DeliveryReports.class).results()) {
                receipts.add(new SmsMessages.DeliveryReceipt(
                        UUID.fromString(report.clientRef()), report.status(), report.deliveredAt()));
            }
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            return ResponseEntity.badRequest().build();
        }
        // 202 also for receipts of unknown or already final messages: there is nothing for the gateway to retry.
        // The gateway posts receipts once: a transaction lost to a lock conflict is run again rather than answered
        // with a 500.
        LockConflicts.retry("receipts of " + receipts.size() + " SMS", () -> messages.recordReceipts(receipts));
        return ResponseEntity.accepted().build();
    }
}
