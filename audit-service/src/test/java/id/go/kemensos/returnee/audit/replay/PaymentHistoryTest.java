package id.go.kemensos.returnee.audit.replay;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kemensos.returnee.contracts.disbursement.CashClaimExpired;
import id.go.kemensos.returnee.contracts.disbursement.CashClaimIssued;
import id.go.kemensos.returnee.contracts.disbursement.PaymentApproved;
import id.go.kemensos.returnee.contracts.disbursement.PaymentBatchDecided;
import id.go.kemensos.returnee.contracts.disbursement.PaymentBatchPrepared;
import id.go.kemensos.returnee.contracts.disbursement.PaymentCancelled;
import id.go.kemensos.returnee.contracts.disbursement.PaymentChannel;
import id.go.kemensos.returnee.contracts.disbursement.PaymentFailed;
import id.go.kemensos.returnee.contracts.disbursement.PaymentReissued;
import id.go.kemensos.returnee.contracts.disbursement.PaymentScheduled;
import id.go.kemensos.returnee.contracts.disbursement.PaymentSent;
import id.go.kemensos.returnee.contracts.disbursement.PaymentSettled;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PaymentHistoryTest {

    private static final Instant T = Instant.parse("2026-11-01T02:00:00Z");
    private final PaymentHistory history = new PaymentHistory();

    @Test
    void foldsAPaymentThroughItsStatesAndTotalsItOnce() {
        UUID payment = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        UUID batch = UUID.randomUUID();
        apply(new PaymentScheduled(payment, person, "BSU", "2026", UUID.randomUUID(), 960_000, "52", "5202", T));
        apply(new PaymentBatchPrepared(
                batch, "BSU", "2026", "52", "002", List.of(payment), 960_000, "maker", T.plusSeconds(1)));
        apply(new PaymentBatchDecided(batch, "APPROVED", "maker", "checker", null, 1, 960_000, T.plusSeconds(2)));
        apply(new PaymentApproved(payment, person, 960_000, "checker", T.plusSeconds(2), "BSU"));
        apply(new PaymentSent(
                payment, person, 960_000, "002", "***5501", T.plusSeconds(3), "BSU", PaymentChannel.BANK_TRANSFER));
        UUID settled = UUID.randomUUID();
        history.apply(
                settled,
                new PaymentSettled(
                        payment,
                        person,
                        "BSU",
                        960_000,
                        "002",
                        "***5501",
                        "BNK1",
                        T.plusSeconds(10),
                        "2026",
                        PaymentChannel.BANK_TRANSFER),
                T.plusSeconds(10));
        assertThat(history.apply(
                        settled,
                        new PaymentSettled(
                                payment,
                                person,
                                "BSU",
                                960_000,
                                "002",
                                "***5501",
                                "BNK1",
                                T.plusSeconds(10),
                                "2026",
                                PaymentChannel.BANK_TRANSFER),
                        T.plusSeconds(11)))
                .as("a redelivered event counts once")
                .isFalse();

        ReplayedPayment p = history.payments().iterator().next();
        assertThat(p.state()).isEqualTo("SETTLED");
        assertThat(p.preparedBy()).isEqualTo("maker");
        assertThat(p.approvedBy()).isEqualTo("checker");
        assertThat(p.bankReference()).isEqualTo("BNK1");
        assertThat(p.history())
                .extracting(ReplayedPayment.Transition::eventType)
                .containsExactly(
                        "PaymentScheduled",
                        "PaymentBatchPrepared",
                        "PaymentBatchDecided",
                        "PaymentApproved",
                        "PaymentSent",
                        "PaymentSettled");
        assertThat(p.history())
                .extracting(ReplayedPayment.Transition::state)
                .containsExactly("SCHEDULED", "SCHEDULED", "SCHEDULED", "APPROVED", "SENT", "SETTLED");
        assertThat(p.history()).extracting(ReplayedPayment.Transition::step).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(history.totals())
                .containsExactly(Map.entry(
                        new PaymentHistory.TotalKey("BSU", "52", "5202", "SETTLED"),
                        new PaymentHistory.Total(1, 960_000)));
        assertThat(history.duplicates()).isEqualTo(1);
        assertThat(history.anomalies()).isEmpty();
    }

    @Test
    void aPaymentCancelledInAPreparedBatchIsNotApprovedWithIt() {
        UUID declined = UUID.randomUUID();
        UUID paid = UUID.randomUUID();
        UUID batch = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        apply(new PaymentScheduled(declined, person, "BSU", "2026", UUID.randomUUID(), 960_000, "52", "5202", T));
        apply(new PaymentScheduled(
                paid, UUID.randomUUID(), "BSU", "2026", UUID.randomUUID(), 960_000, "52", "5202", T));
        apply(new PaymentBatchPrepared(
                batch, "BSU", "2026", "52", "002", List.of(declined, paid), 1_920_000, "maker", T.plusSeconds(1)));
        apply(new PaymentCancelled(
                declined,
                person,
                "BSU",
                "2026",
                960_000,
                "SCHEDULED",
                batch,
                960_000,
                "the person declined the grant",
                UUID.randomUUID(),
                T.plusSeconds(2)));
        apply(new PaymentBatchDecided(batch, "APPROVED", "maker", "checker", null, 1, 960_000, T.plusSeconds(3)));
        apply(new PaymentApproved(paid, UUID.randomUUID(), 960_000, "checker", T.plusSeconds(3), "BSU"));

        ReplayedPayment cancelled = history.payments().stream()
                .filter(p -> p.paymentId().equals(declined))
                .findFirst()
                .orElseThrow();
        assertThat(cancelled.state()).isEqualTo("CANCELLED");
        assertThat(cancelled.batchId()).as("it left the batch").isNull();
        assertThat(cancelled.history())
                .extracting(ReplayedPayment.Transition::eventType)
                .containsExactly("PaymentScheduled", "PaymentBatchPrepared", "PaymentCancelled");
        assertThat(history.totals())
                .containsEntry(
                        new PaymentHistory.TotalKey("BSU", "52", "5202", "CANCELLED"),
                        new PaymentHistory.Total(1, 960_000));
        assertThat(history.anomalies()).isEmpty();
    }

    @Test
    void foldsOfDifferentPartitionsMergeIntoOneHistoryWithTheirBatchesJoined() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID batch = UUID.randomUUID();
        PaymentHistory payments = new PaymentHistory(10);
        payments.apply(
                UUID.randomUUID(),
                new PaymentScheduled(
                        first, UUID.randomUUID(), "BSU", "2026", UUID.randomUUID(), 960_000, "52", "5202", T),
                T);
        PaymentHistory morePayments = new PaymentHistory(10);
        morePayments.apply(
                UUID.randomUUID(),
                new PaymentScheduled(
                        second, UUID.randomUUID(), "BSU", "2026", UUID.randomUUID(), 960_000, "52", "5201", T),
                T);
        PaymentHistory batches = new PaymentHistory(10);
        batches.apply(
                UUID.randomUUID(),
                new PaymentBatchPrepared(
                        batch,
                        "BSU",
                        "2026",
                        "52",
                        "002",
                        List.of(first, second),
                        1_920_000,
                        "maker",
                        T.plusSeconds(1)),
                T.plusSeconds(1));

        history.merge(payments); // taken over whole: the merged history was empty
        history.merge(morePayments);
        history.merge(batches);

        assertThat(history.payments()).extracting(ReplayedPayment::paymentId).containsExactlyInAnyOrder(first, second);
        assertThat(history.payments()).extracting(ReplayedPayment::batchId).containsOnly(batch);
        assertThat(history.applied()).isEqualTo(3);
        assertThat(history.totals())
                .containsOnlyKeys(
                        new PaymentHistory.TotalKey("BSU", "52", "5201", "SCHEDULED"),
                        new PaymentHistory.TotalKey("BSU", "52", "5202", "SCHEDULED"));
    }

    @Test
    void aBatchReadBeforeItsPaymentsStillJoinsThem() {
        UUID payment = UUID.randomUUID();
        UUID batch = UUID.randomUUID();
        history.apply(
                UUID.randomUUID(),
                new PaymentBatchPrepared(
                        batch, "BSU", "2026", "52", "002", List.of(payment), 960_000, "maker", T.plusSeconds(5)),
                T.plusSeconds(5));
        history.apply(
                UUID.randomUUID(),
                new PaymentScheduled(
                        payment, UUID.randomUUID(), "BSU", "2026", UUID.randomUUID(), 960_000, "52", "5202", T),
                T);
        ReplayedPayment p = history.payments().iterator().next();
        assertThat(p.batchId()).isEqualTo(batch);
        assertThat(p.history())
                .extracting(ReplayedPayment.Transition::eventType)
                .containsExactly("PaymentScheduled", "PaymentBatchPrepared");
        assertThat(history.anomalies()).isEmpty();
    }

    @Test
    void aRejectedBatchLeavesItsPaymentsScheduledAndUnbatched() {
        UUID payment = UUID.randomUUID();
        UUID batch = UUID.randomUUID();
        apply(new PaymentScheduled(
                payment, UUID.randomUUID(), "BSU", "2026", UUID.randomUUID(), 960_000, "52", "5202", T));
        apply(new PaymentBatchPrepared(batch, "BSU", "2026", "52", "002", List.of(payment), 960_000, "maker", T));
        apply(new PaymentBatchDecided(batch, "REJECTED", "maker", "checker", "wrong list", 1, 960_000, T));
        ReplayedPayment p = history.payments().iterator().next();
        assertThat(p.state()).isEqualTo("SCHEDULED");
        assertThat(p.batchId()).isNull();
    }

    @Test
    void cashCollectedAtAPostOfficeSettlesAndCashNobodyCollectedIsReturned() {
        UUID collected = UUID.randomUUID();
        UUID unclaimed = UUID.randomUUID();
        LocalDate deadline = LocalDate.of(2026, 12, 1);
        for (UUID payment : List.of(collected, unclaimed)) {
            UUID person = UUID.randomUUID();
            apply(new PaymentScheduled(payment, person, "BSU", "2026", UUID.randomUUID(), 960_000, "52", "5204", T));
            apply(new PaymentApproved(payment, person, 960_000, "auto", T, "BSU"));
            apply(new PaymentSent(payment, person, 960_000, null, null, T, "BSU", PaymentChannel.POS_CASH));
            apply(new CashClaimIssued(payment, person, "BSU", 960_000, "POS1", deadline, "sealed", T));
            if (payment.equals(collected)) {
                apply(new PaymentSettled(
                        payment, person, "BSU", 960_000, null, null, "POSPAID1", T, "2026", PaymentChannel.POS_CASH));
            } else {
                apply(new CashClaimExpired(payment, person, "BSU", "2026", 960_000, "52", "POS1", deadline, T));
            }
        }

        assertThat(history.totals())
                .containsOnlyKeys(
                        new PaymentHistory.TotalKey("BSU", "52", "5204", "SETTLED"),
                        new PaymentHistory.TotalKey("BSU", "52", "5204", "RETURNED"));
        assertThat(history.payments())
                .filteredOn(p -> p.paymentId().equals(unclaimed))
                .singleElement()
                .satisfies(p -> assertThat(p.history())
                        .extracting(ReplayedPayment.Transition::eventType)
                        .containsExactly(
                                "PaymentScheduled",
                                "PaymentApproved",
                                "PaymentSent",
                                "CashClaimIssued",
                                "CashClaimExpired"));
        assertThat(history.anomalies())
                .as("cash returned from SENT is a valid move")
                .isEmpty();
    }

    @Test
    void aReissueKeepsTheOldPaymentAndLinksTheNewOne() {
        UUID old = UUID.randomUUID();
        UUID replacement = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        apply(new PaymentScheduled(old, person, "BSU", "2026", UUID.randomUUID(), 960_000, "52", "5202", T));
        apply(new PaymentApproved(old, person, 960_000, "auto", T, "BSU"));
        apply(new PaymentSent(old, person, 960_000, "002", "***5501", T, "BSU", PaymentChannel.BANK_TRANSFER));
        apply(new PaymentFailed(old, person, 960_000, "002", "***5501", "4030", "closed account", T, "BSU"));
        apply(new PaymentReissued(old, replacement, person, 960_000, "officer", "new account", T));
        apply(new PaymentScheduled(replacement, person, "BSU", "2026", UUID.randomUUID(), 960_000, "52", "5202", T));
        assertThat(history.totals())
                .containsOnlyKeys(
                        new PaymentHistory.TotalKey("BSU", "52", "5202", "REISSUED"),
                        new PaymentHistory.TotalKey("BSU", "52", "5202", "SCHEDULED"));
        assertThat(history.payments())
                .filteredOn(p -> p.paymentId().equals(replacement))
                .singleElement()
                .extracting(ReplayedPayment::reissueOf)
                .isEqualTo(old);
        assertThat(history.anomalies()).isEmpty();
    }

    @Test
    void namesWhatTheLedgerShouldNeverHaveDone() {
        UUID person = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        apply(new PaymentScheduled(first, person, "BSU", "2026", UUID.randomUUID(), 960_000, "52", "5202", T));
        apply(new PaymentScheduled(second, person, "BSU", "2026", UUID.randomUUID(), 960_000, "52", "5202", T));
        apply(new PaymentSent(first, person, 960_000, "002", "***5501", T, "BSU", PaymentChannel.BANK_TRANSFER));
        apply(new PaymentApproved(UUID.randomUUID(), person, 960_000, "auto", T, "BSU"));
        assertThat(history.anomalies())
                .extracting(PaymentHistory.Anomaly::kind)
                .containsExactlyInAnyOrder("INVALID_TRANSITION", "NEVER_SCHEDULED", "TWO_LIVE_PAYMENTS");
    }

    @Test
    void comparesReplayedTotalsWithTheLiveReport() {
        PaymentHistory.TotalKey settled = new PaymentHistory.TotalKey("BSU", "52", "5202", "SETTLED");
        PaymentHistory.TotalKey sent = new PaymentHistory.TotalKey("BSU", "52", "5202", "SENT");
        ReportComparison same = ReportComparison.of(
                Map.of(settled, new PaymentHistory.Total(2, 1_920_000)),
                LivePaymentReport.fromCsv(
                        "\uFEFFprogram,province,regency,state,payments,total\r\nBSU,52,5202,SETTLED,2,1920000\r\n"));
        assertThat(same.matches()).isTrue();
        ReportComparison differs = ReportComparison.of(
                Map.of(settled, new PaymentHistory.Total(2, 1_920_000)),
                Map.of(settled, new PaymentHistory.Total(1, 960_000), sent, new PaymentHistory.Total(1, 960_000)));
        assertThat(differs.differences())
                .extracting(ReportComparison.Difference::state)
                .containsExactly("SENT", "SETTLED");
    }

    @Test
    void readsAnAuditorsAsOf() {
        assertThat(AsOf.parse("2026-11-01T09:00:00+07:00")).isEqualTo(Instant.parse("2026-11-01T02:00:00Z"));
        assertThat(AsOf.parse("2026-11-01T09:00")).isEqualTo(Instant.parse("2026-11-01T02:00:00Z"));
        assertThat(AsOf.parse("2026-11-01")).isEqualTo(Instant.parse("2026-11-01T16:59:59.999999Z"));
        assertThat(AsOf.parse(null)).isNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AsOf.parse("yesterday"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private int tick;

    /** Each event a second after the one before, as they happened. */
    private void apply(id.go.kemensos.returnee.contracts.PlatformEvent event) {
        history.apply(UUID.randomUUID(), event, T.plusSeconds(tick++));
    }
}
