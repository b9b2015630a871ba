package id.go.kemensos.returnee.bench;

import id.go.kemensos.returnee.infra.sim.AcceptedSms;
import id.go.kemensos.returnee.infra.sim.BankGatewaySimulator;
import id.go.kemensos.returnee.infra.sim.ExecutedTransfer;
import id.go.kemensos.returnee.infra.sim.SmsGatewaySimulator;
import id.go.kemensos.returnee.testsupport.SmsTemplateMarks;
import id.go.kemensos.returnee.testsupport.SyntheticReturnees;
import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads this run's outcomes from the gateway simulators, which run in this JVM and stamp each transfer and SMS when it
 * happens: a transfer is this run's when its account number is, an SMS when its phone number is. Stage times come from
 * those stamps, so how often we poll does not change the figures.
 */
final class CompletionWatch {

    /**
     * Distinct returnees reached per stage, with the time the last of them was reached; duplicates would be double
     * pay/SMS.
     */
    record Snapshot(
            int transfers,
            int transferDuplicates,
            Instant firstTransferAt,
            Instant lastTransferAt,
            int registeredSms,
            Instant lastRegisteredSmsAt,
            int paymentSms,
            Instant lastPaymentSmsAt,
            int smsDuplicates,
            int otherSms) {

        boolean complete(int expected) {
            return transfers >= expected && registeredSms >= expected && paymentSms >= expected;
        }
    }

    private final BankGatewaySimulator bank;
    private final SmsGatewaySimulator sms;
    private final Map<String, Integer> indexByAccount = new HashMap<>();
    private final Map<String, Integer> indexByPhone = new HashMap<>();

    CompletionWatch(BankGatewaySimulator bank, SmsGatewaySimulator sms, SyntheticReturnees returnees, int count) {
        this.bank = bank;
        this.sms = sms;
        for (int i = 0; i < count; i++) {
            indexByAccount.put(returnees.accountNumber(i), i);
            indexByPhone.put(returnees.phoneE164(i), i);
        }
    }

    /** @param expected the returnees that count (those registered by this run) */
    Snapshot snapshot(BitSet expected) {
        BitSet paid = new BitSet();
        int transferDuplicates = 0;
        Instant firstTransfer = null;
        Instant lastTransfer = null;
        for (ExecutedTransfer transfer : bank.executedTransfers()) {
            Integer index = indexByAccount.get(transfer.accountNo());
            if (index == null || !expected.get(index)) {
                continue;
            }
            if (paid.get(index)) {
                transferDuplicates++;
            }
            paid.set(index);
            firstTransfer = earliest(firstTransfer, transfer.executedAt());
            lastTransfer = latest(lastTransfer, transfer.executedAt());
        }
        BitSet registered = new BitSet();
        BitSet told = new BitSet();
        int smsDuplicates = 0;
        int other = 0;
        Instant lastRegistered = null;
        Instant lastTold = null;
        for (AcceptedSms message : sms.acceptedMessages()) {
            Integer index = indexByPhone.get(message.to());
            if (index == null || !expected.get(index)) {
                continue;
            }
            BitSet stage = SmsTemplateMarks.isPaymentSent(message.text())
                    ? told
                    : SmsTemplateMarks.isRegistered(message.text()) ? registered : null;
            if (stage == null) {
                other++;
                continue;
            }
            if (stage.get(index)) {
                smsDuplicates++;
            }
            stage.set(index);
            if (stage == told) {
                lastTold = latest(lastTold, message.acceptedAt());
            } else {
                lastRegistered = latest(lastRegistered, message.acceptedAt());
            }
        }
        return new Snapshot(
                paid.cardinality(),
                transferDuplicates,
                firstTransfer,
                lastTransfer,
                registered.cardinality(),
                lastRegistered,
                told.cardinality(),
                lastTold,
                smsDuplicates,
                other);
    }

    /**
     * Per returnee registered by this run and paid: from its registration's answer (committed) to the bank's first
     * transfer to its account, the time the platform took to decide and pay it.
     */
    Latencies registeredToTransfer(RegistrationLoad.Result load) {
        Map<Integer, Instant> firstTransfer = new HashMap<>();
        for (ExecutedTransfer transfer : bank.executedTransfers()) {
            Integer index = indexByAccount.get(transfer.accountNo());
            if (index != null && load.created().get(index) && load.answeredAt()[index] != null) {
                firstTransfer.merge(index, transfer.executedAt(), CompletionWatch::earliest);
            }
        }
        return Latencies.of(firstTransfer.entrySet().stream()
                .mapToLong(e -> Duration.between(load.answeredAt()[e.getKey()], e.getValue())
                        .toNanos())
                .toArray());
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
