package id.go.kemensos.returnee.disbursement.ledger;

import id.go.kemensos.returnee.disbursement.DisbursementProperties;
import id.go.kemensos.returnee.disbursement.bank.BankGatewayClient;
import id.go.kemensos.returnee.disbursement.bank.CashOrder;
import id.go.kemensos.returnee.disbursement.bank.PaymentOrder;
import id.go.kemensos.returnee.disbursement.bank.PostOfficeClient;
import id.go.kemensos.returnee.disbursement.bank.TransferOrder;
import id.go.kemensos.returnee.disbursement.bank.TransferOutcome;
import id.go.kemensos.returnee.messaging.LockConflicts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Moves approved payments to the bank (or, for people without an account, to PT Pos) and records the answers. Claiming (APPROVED → SENT) commits before the bank is
 * called, so a crash at any point leaves a SENT payment whose status is checked later: paid once, never lost.
 */
@Component
class PaymentDispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PaymentDispatcher.class);

    private final PaymentLedger ledger;
    private final BankGatewayClient bank;
    private final PostOfficeClient postOffice;
    private final DisbursementProperties.Dispatch settings;
    private final ExecutorService calls;

    PaymentDispatcher(
            PaymentLedger ledger,
            BankGatewayClient bank,
            PostOfficeClient postOffice,
            DisbursementProperties properties) {
        this.ledger = ledger;
        this.bank = bank;
        this.postOffice = postOffice;
        this.settings = properties.dispatch();
        this.calls = Executors.newFixedThreadPool(settings.parallelCalls());
    }

    /** The round's bank calls run in parallel; their answers are recorded together, in one transaction. */
    @Scheduled(fixedDelayString = "${disbursement.dispatch.interval}")
    void dispatch() {
        if (!ledger.anyToDispatch()) {
            return;
        }
        List<PaymentOrder> orders = new ArrayList<>(ledger.claimForTransfer(settings.batchSize()));
        orders.addAll(ledger.claimDueForStatusCheck(settings.batchSize()));
        if (orders.isEmpty()) {
            return;
        }
        Map<UUID, TransferOutcome> outcomes = new ConcurrentHashMap<>();
        CompletableFuture.allOf(orders.stream()
                        .map(order -> CompletableFuture.runAsync(
                                () -> {
                                    TransferOutcome outcome = answerOf(order);
                                    outcomes.put(order.paymentId(), outcome);
                                    if (outcome instanceof TransferOutcome.Unknown unknown) {
                                        log.warn(
                                                "Payment {} has no final answer yet ({}); its status will be checked",
                                                order.paymentId(),
                                                unknown.reason());
                                    }
                                },
                                calls))
                        .toArray(CompletableFuture[]::new))
                .join();
        // Only the recording runs again after a lock conflict, never a bank call. Should it fail for good, the
        // payments stay SENT and their status check finds the answers.
        LockConflicts.retry("outcomes of " + outcomes.size() + " payments", () -> ledger.record(outcomes));
    }

    /** An unexpected failure of one call leaves that payment SENT for its status check, not the round unrecorded. */
    private TransferOutcome answerOf(PaymentOrder order) {
        try {
            return order instanceof CashOrder cash ? postOffice.remit(cash) : bank.transfer((TransferOrder) order);
        } catch (RuntimeException e) {
            return new TransferOutcome.Unknown(e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        calls.shutdown();
    }
}
