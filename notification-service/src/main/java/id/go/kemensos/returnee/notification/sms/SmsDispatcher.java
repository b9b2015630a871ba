package id.go.kemensos.returnee.notification.sms;

import id.go.kemensos.returnee.contracts.MaskedValues;
import id.go.kemensos.returnee.contracts.reference.ProvinceZones;
import id.go.kemensos.returnee.messaging.LockConflicts;
import id.go.kemensos.returnee.notification.NotificationProperties;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Sends due messages through the SMS gateway and records each result; asks for receipts that do not come. */
@Component
class SmsDispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmsDispatcher.class);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final SmsMessages messages;
    private final SmsTemplates templates;
    private final SmsGatewayClient gateway;
    private final NotificationProperties.Dispatch settings;
    private final ExecutorService calls;
    private final ProvinceZones zones = ProvinceZones.load();

    SmsDispatcher(
            SmsMessages messages, SmsTemplates templates, SmsGatewayClient gateway, NotificationProperties properties) {
        this.messages = messages;
        this.templates = templates;
        this.gateway = gateway;
        this.settings = properties.dispatch();
        this.calls = Executors.newFixedThreadPool(settings.parallelCalls());
    }

    /** Due messages go to the gateway a hundred to a request, the requests in parallel. */
    @Scheduled(fixedDelayString = "${notification.dispatch.interval}")
    void dispatch() {
        if (!messages.anyDue()) {
            return;
        }
        List<SmsMessages.PendingSms> due = messages.claimDue(settings.batchSize());
        List<CompletableFuture<Void>> requests = new ArrayList<>();
        for (int from = 0; from < due.size(); from += SmsGatewayClient.MAX_BATCH) {
            List<SmsMessages.PendingSms> batch =
                    due.subList(from, Math.min(due.size(), from + SmsGatewayClient.MAX_BATCH));
            requests.add(CompletableFuture.runAsync(() -> send(batch), calls));
        }
        CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).join();
    }

    /** Asks the gateway for the receipts that are overdue (a callback lost on its way) and records the final ones. */
    @Scheduled(fixedDelayString = "${notification.dispatch.receipt-poll-interval:PT5S}")
    void askForOverdueReceipts() {
        List<SmsMessages.OverdueReceipt> overdue = messages.claimOverdueReceipts(settings.batchSize());
        CompletableFuture.allOf(overdue.stream()
                        .map(receipt -> CompletableFuture.runAsync(() -> ask(receipt), calls))
                        .toArray(CompletableFuture[]::new))
                .join();
    }

    private void ask(SmsMessages.OverdueReceipt receipt) {
        gateway.status(receipt.gatewayMessageId())
                .filter(SmsGatewayClient.DeliveryStatus::isFinal)
                .ifPresentOrElse(
                        status -> {
                            LockConflicts.retry(
                                    "receipt of SMS " + receipt.messageId(),
                                    () -> messages.recordReceipts(List.of(new SmsMessages.DeliveryReceipt(
                                            receipt.messageId(), status.status(), status.deliveredAt()))));
                            log.info(
                                    "SMS {} {}: receipt overdue, status asked for at the gateway (check {})",
                                    receipt.gatewayMessageId(),
                                    status.status(),
                                    receipt.check());
                        },
                        () -> log.info(
                                "SMS {}: receipt overdue, no final status at the gateway yet (check {})",
                                receipt.gatewayMessageId(),
                                receipt.check()));
    }

    /**
     * The message's placeholders as sent: the name from the contact, the office of the regency they were registered
     * in, a payment's date in the time of the person's province (a transfer at 23:30 in Jakarta is made on the next
     * day in Lombok).
     */
    static Map<String, String> params(SmsMessages.PendingSms sms, ProvinceZones zones) {
        Map<String, String> params = new HashMap<>(sms.params());
        params.putIfAbsent("name", sms.fullName());
        if (sms.regencyCode() != null) {
            params.putIfAbsent(SmsTemplates.REGENCY, sms.regencyCode());
        }
        String settledAt = params.remove(SmsQueue.SETTLED_AT);
        if (settledAt != null) { // a message queued before this was written has its date already
            params.putIfAbsent(
                    "date", DATE.withZone(zones.zoneOf(sms.provinceCode())).format(Instant.parse(settledAt)));
        }
        return params;
    }

    private void send(List<SmsMessages.PendingSms> batch) {
        List<SmsGatewayClient.OutgoingSms> outgoing = new ArrayList<>();
        for (SmsMessages.PendingSms sms : batch) {
            outgoing.add(new SmsGatewayClient.OutgoingSms(
                    sms.messageId(),
                    sms.phoneE164(),
                    templates.render(sms.template(), sms.language(), params(sms, zones))));
        }
        Map<UUID, SmsGatewayClient.SendResult> results = gateway.send(outgoing);
        List<SmsMessages.SentSms> sent = new ArrayList<>();
        for (SmsMessages.PendingSms sms : batch) {
            SmsGatewayClient.SendResult result = results.get(sms.messageId());
            if (result.accepted()) {
                sent.add(new SmsMessages.SentSms(sms, result.gatewayMessageId(), result.segments()));
                log.info("SMS {} sent to {}", sms.template(), MaskedValues.lastFour(sms.phoneE164()));
            } else {
                log.warn(
                        "SMS {} to {} failed (attempt {}): {}",
                        sms.template(),
                        MaskedValues.lastFour(sms.phoneE164()),
                        sms.attempt(),
                        result.error());
                messages.markAttemptFailed(sms, result.error(), result.permanent());
            }
        }
        // The gateway has them: only the recording runs again after a lock conflict, never the send.
        LockConflicts.retry("sent SMS (" + sent.size() + ")", () -> messages.markSent(sent));
    }

    @Override
    public void close() {
        calls.shutdown();
    }
}
