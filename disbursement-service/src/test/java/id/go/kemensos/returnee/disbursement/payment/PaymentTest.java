package id.go.kemensos.returnee.disbursement.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import id.go.kemensos.returnee.contracts.disbursement.CashClaimExpired;
import id.go.kemensos.returnee.contracts.disbursement.CashClaimIssued;
import id.go.kemensos.returnee.contracts.disbursement.CollectiveAccountOpened;
import id.go.kemensos.returnee.contracts.disbursement.PaymentAccountChecked;
import id.go.kemensos.returnee.contracts.disbursement.PaymentApproved;
import id.go.kemensos.returnee.contracts.disbursement.PaymentAwaitingBudget;
import id.go.kemensos.returnee.contracts.disbursement.PaymentCancelled;
import id.go.kemensos.returnee.contracts.disbursement.PaymentChannel;
import id.go.kemensos.returnee.contracts.disbursement.PaymentFailed;
import id.go.kemensos.returnee.contracts.disbursement.PaymentReissued;
import id.go.kemensos.returnee.contracts.disbursement.PaymentReturned;
import id.go.kemensos.returnee.contracts.disbursement.PaymentScheduled;
import id.go.kemensos.returnee.contracts.disbursement.PaymentSent;
import id.go.kemensos.returnee.contracts.disbursement.PaymentSettled;
import id.go.kemensos.returnee.security.Refusal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The money rules, without Spring or a database: every transition, the events it causes, and what each state refuses.
 */
class PaymentTest {

    private static final Instant T0 = Instant.parse("2019-10-01T02:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Instant T2 = T0.plusSeconds(120);
    private static final UUID PERSON = UUID.fromString("0190f5a4-0000-7000-8000-000000000001");
    private static final UUID DECISION = UUID.fromString("0190f5a4-0000-7000-8000-000000000002");
    private static final Payment.CheckedAccount CHECKED = new Payment.CheckedAccount("002", "sealed-checked", 1);

    private static Payment.Terms terms() {
        return new Payment.Terms(
                UUID.fromString("0190f5a4-0000-7000-8000-0000000000aa"),
                "bantuan-stimulan-usaha",
                "2019",
                PERSON,
                DECISION,
                960_000,
                "52",
                "5203",
                null,
                T0);
    }

    private static Payment scheduled() {
        return Payment.schedule(terms()).payment();
    }

    private static Payment verified() {
        Payment p = scheduled();
        p.startAccountCheck(T0);
        p.recordAccountCheck(true, CHECKED, "***7890", "sealed-holder", 1.0, null, T0);
        return p;
    }

    private static Payment approved() {
        Payment p = verified();
        p.approve("checker-1", T1);
        return p;
    }

    private static Payment sent() {
        Payment p = approved();
        p.send("002", "sealed-paid", "***7890", T2, T1);
        return p;
    }

    private static Payment settled() {
        Payment p = sent();
        p.settle("BRI-REF-1", T2);
        return p;
    }

    private static Payment failed() {
        Payment p = sent();
        p.fail("ACCOUNT_CLOSED", "Rekening ditutup", T2);
        return p;
    }

    private static void refused(Payment payment, Consumer<Payment> transition) {
        PaymentState before = payment.state();
        Payment.AccountCheck check = payment.accountCheck();
        assertThatThrownBy(() -> transition.accept(payment))
                .isInstanceOf(Refusal.class)
                .extracting(e -> ((Refusal) e).kind())
                .isEqualTo(Refusal.Kind.CONFLICT);
        assertThat(payment.state()).as("a refused transition changes nothing").isEqualTo(before);
        assertThat(payment.accountCheck()).isEqualTo(check);
    }

    @Test
    void aScheduledPaymentWaitsForItsAccountCheckAndSaysSo() {
        Payment.Created created = Payment.schedule(terms());

        assertThat(created.payment().state()).isEqualTo(PaymentState.SCHEDULED);
        assertThat(created.payment().accountCheck()).isEqualTo(Payment.AccountCheck.PENDING);
        assertThat(created.events())
                .singleElement()
                .isEqualTo(new PaymentScheduled(
                        terms().paymentId(),
                        PERSON,
                        "bantuan-stimulan-usaha",
                        "2019",
                        DECISION,
                        960_000,
                        "52",
                        "5203",
                        T0));
    }

    @Test
    void aPaymentIsForAPositiveAmount() {
        assertThatThrownBy(() ->
                        new Payment.Terms(UUID.randomUUID(), "p", "2019", PERSON, DECISION, 0, "52", "5203", null, T0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Nested
    class TheAccountCheck {

        @Test
        void aVerifiedAnswerKeepsTheAccountCheckedAsTheOneToPay() {
            Payment p = scheduled();
            p.startAccountCheck(T0);
            assertThat(p.awaitsAccountAnswer()).isTrue();

            var events = p.recordAccountCheck(true, CHECKED, "***7890", "sealed-holder", 0.97, null, T1);

            assertThat(p.accountCheck()).isEqualTo(Payment.AccountCheck.VERIFIED);
            assertThat(p.checkedAccount()).isEqualTo(CHECKED);
            assertThat(p.accountMasked()).isEqualTo("***7890");
            assertThat(events)
                    .singleElement()
                    .asInstanceOf(type(PaymentAccountChecked.class))
                    .satisfies(e -> {
                        assertThat(e.result()).isEqualTo("VERIFIED");
                        assertThat(e.bankCode()).isEqualTo("002");
                        assertThat(e.nameScore()).isEqualTo(0.97);
                    });
        }

        @Test
        void aMismatchIsHeldForAnOfficerWhoMayAcceptItWithAReason() {
            Payment p = scheduled();
            p.startAccountCheck(T0);
            p.recordAccountCheck(false, CHECKED, "***7890", "sealed-holder", 0.3, "nama tidak sesuai", T1);
            assertThat(p.accountCheck()).isEqualTo(Payment.AccountCheck.MISMATCH);
            refused(p, x -> x.approve("checker-1", T1));

            var events = p.acceptAccount("maker-1", "rekening bersama", T2);

            assertThat(p.accountCheck()).isEqualTo(Payment.AccountCheck.VERIFIED);
            assertThat(p.accountCheckDetail()).contains("maker-1").contains("rekening bersama");
            assertThat(events)
                    .singleElement()
                    .asInstanceOf(type(PaymentAccountChecked.class))
                    .extracting(PaymentAccountChecked::result)
                    .isEqualTo("VERIFIED_BY_OFFICER");
        }

        @Test
        void onlyAMismatchCanBeAcceptedAndNeverOneWhosePayeeWasErased() {
            refused(verified(), p -> p.acceptAccount("maker-1", "why", T1));
            Payment erased = scheduled();
            erased.holdUnreadableAccount(T1);
            assertThat(erased.accountCheck()).isEqualTo(Payment.AccountCheck.MISMATCH);
            assertThat(erased.accountCheckDetail()).isEqualTo(Payment.PAYEE_ERASED);
            refused(erased, p -> p.acceptAccount("maker-1", "why", T1));
            refused(approved(), p -> p.acceptAccount("maker-1", "why", T1));
        }

        @Test
        void anUnansweredInquiryIsAskedAgain() {
            Payment p = scheduled();
            p.startAccountCheck(T0);
            p.accountCheckUnanswered(T1);
            assertThat(p.accountCheck()).isEqualTo(Payment.AccountCheck.PENDING);
            assertThat(p.awaitsAccountAnswer()).isFalse();
            assertThat(p.accountCheckedAt())
                    .as("the pause before it is asked again counts from the unanswered inquiry")
                    .isEqualTo(T1);
        }

        @Test
        void anAnswerIsRecordedOnlyWhileOneIsAwaited() {
            refused(scheduled(), p -> p.recordAccountCheck(true, CHECKED, "***7890", null, 1, null, T1));
            refused(verified(), p -> p.recordAccountCheck(true, CHECKED, "***7890", null, 1, null, T1));
            refused(scheduled(), p -> p.accountCheckUnanswered(T1));
            refused(verified(), p -> p.startAccountCheck(T1));
        }

        @Test
        void withoutAnInquiryTheAccountCountsAsVerified() {
            Payment p = scheduled();
            p.verifyWithoutInquiry(T0);
            assertThat(p.accountCheck()).isEqualTo(Payment.AccountCheck.VERIFIED);
            assertThat(p.checkedAccount()).as("the payee's account is paid").isNull();
            refused(verified(), x -> x.verifyWithoutInquiry(T1));
        }

        @Test
        void anAmendmentRechecksAPaymentNotYetBatchedAndLeavesBatchedOrApprovedOnesOnTheAccountChecked() {
            Payment loose = verified();
            assertThat(loose.payeeAccountAmended(T1)).isTrue();
            assertThat(loose.accountCheck()).isEqualTo(Payment.AccountCheck.PENDING);
            assertThat(loose.sealedHolderSeen()).isNull();

            Payment batched = verified();
            batched.addToBatch(UUID.randomUUID(), T1);
            assertThat(batched.payeeAccountAmended(T1)).isFalse();
            assertThat(batched.keepsCheckedAccount()).isTrue();
            assertThat(batched.accountCheck()).isEqualTo(Payment.AccountCheck.VERIFIED);

            Payment approved = approved();
            assertThat(approved.payeeAccountAmended(T1)).isFalse();
            assertThat(approved.keepsCheckedAccount()).isTrue();

            assertThat(sent().payeeAccountAmended(T1)).isFalse();
            assertThat(sent().keepsCheckedAccount()).isFalse();
        }
    }

    @Nested
    class BudgetAndApproval {

        @Test
        void aPaymentWaitingForBudgetSaysWhyOncePerReason() {
            Payment p = verified();
            assertThat(p.awaitBudget("pagu habis", T1)).singleElement().isInstanceOf(PaymentAwaitingBudget.class);
            assertThat(p.awaitBudget("pagu habis", T2))
                    .as("the same reason again raises nothing")
                    .isEmpty();
            assertThat(p.awaitBudget("belum ada pagu", T2)).hasSize(1);
            assertThat(p.waitingReason()).isEqualTo("belum ada pagu");
            assertThat(p.state()).isEqualTo(PaymentState.SCHEDULED);
        }

        @Test
        void approvalNeedsAVerifiedAccountAndClearsTheWait() {
            refused(scheduled(), p -> p.approve("checker-1", T1));
            Payment p = verified();
            p.awaitBudget("pagu habis", T1);

            var events = p.approve("checker-1", T2);

            assertThat(p.state()).isEqualTo(PaymentState.APPROVED);
            assertThat(p.approvedBy()).isEqualTo("checker-1");
            assertThat(p.waitingReason()).isNull();
            assertThat(events)
                    .singleElement()
                    .isEqualTo(new PaymentApproved(p.paymentId(), PERSON, 960_000, "checker-1", T2, p.programId()));
            refused(p, x -> x.approve("checker-2", T2));
            refused(p, x -> x.awaitBudget("x", T2));
        }

        @Test
        void aBatchTakesAVerifiedPaymentOnceAndARejectedBatchGivesItBack() {
            refused(scheduled(), p -> p.addToBatch(UUID.randomUUID(), T1));
            Payment p = verified();
            UUID batch = UUID.randomUUID();
            p.addToBatch(batch, T1);
            assertThat(p.batchId()).isEqualTo(batch);
            refused(p, x -> x.addToBatch(UUID.randomUUID(), T1));

            p.leaveRejectedBatch(1, T2);

            assertThat(p.batchId()).isNull();
            assertThat(p.accountCheck())
                    .as("the payee's account is still the one checked")
                    .isEqualTo(Payment.AccountCheck.VERIFIED);
            refused(p, x -> x.leaveRejectedBatch(1, T2));
        }

        @Test
        void aPaymentLeavingARejectedBatchAfterItsPayeeAmendedTheAccountIsCheckedAgain() {
            Payment p = verified();
            p.addToBatch(UUID.randomUUID(), T1);
            p.leaveRejectedBatch(2, T2);
            assertThat(p.accountCheck()).isEqualTo(Payment.AccountCheck.PENDING);
        }
    }

    @Nested
    class TheBank {

        @Test
        void sendingRecordsTheAccountItGoesTo() {
            Payment p = approved();
            var events = p.send("002", "sealed-paid", "***7890", T2, T1);
            assertThat(p.state()).isEqualTo(PaymentState.SENT);
            assertThat(p.isSent()).isTrue();
            assertThat(p.sealedPaidAccount()).isEqualTo("sealed-paid");
            assertThat(p.nextCheckAt()).isEqualTo(T2);
            assertThat(events)
                    .singleElement()
                    .isEqualTo(new PaymentSent(
                            p.paymentId(),
                            PERSON,
                            960_000,
                            "002",
                            "***7890",
                            T1,
                            p.programId(),
                            PaymentChannel.BANK_TRANSFER));
        }

        @ParameterizedTest
        @EnumSource(
                value = PaymentState.class,
                names = {"SCHEDULED", "SENT", "SETTLED", "FAILED"})
        void onlyAnApprovedPaymentIsSent(PaymentState state) {
            refused(in(state), p -> p.send("002", "s", "***7890", T2, T1));
        }

        @Test
        void anApprovedPaymentWhosePayeeWasErasedFailsWithoutGoing() {
            Payment p = approved();
            var events = p.failUnsendable("PERSONAL_DATA_ERASED", T2);
            assertThat(p.state()).isEqualTo(PaymentState.FAILED);
            assertThat(events)
                    .singleElement()
                    .asInstanceOf(type(PaymentFailed.class))
                    .satisfies(e -> {
                        assertThat(e.reasonCode()).isEqualTo("PERSONAL_DATA_ERASED");
                        assertThat(e.reason()).isEqualTo(Payment.PAYEE_ERASED);
                    });
            refused(sent(), x -> x.failUnsendable("PERSONAL_DATA_ERASED", T2));
        }

        @Test
        void aStatusCheckIsCountedAndPushedBack() {
            Payment p = sent();
            p.statusCheckDue(T2.plusSeconds(30));
            assertThat(p.statusChecks()).isEqualTo(1);
            assertThat(p.nextCheckAt()).isEqualTo(T2.plusSeconds(30));
            refused(settled(), x -> x.statusCheckDue(T2));
        }

        @Test
        void aSettledPaymentCarriesTheBankReferenceAndTheMaskedAccount() {
            Payment p = sent();
            var events = p.settle("BRI-REF-1", T2);
            assertThat(p.state()).isEqualTo(PaymentState.SETTLED);
            assertThat(p.settledAt()).isEqualTo(T2);
            assertThat(p.nextCheckAt()).isNull();
            assertThat(events)
                    .singleElement()
                    .isEqualTo(new PaymentSettled(
                            p.paymentId(),
                            PERSON,
                            "bantuan-stimulan-usaha",
                            960_000,
                            "002",
                            "***7890",
                            "BRI-REF-1",
                            T2,
                            "2019",
                            PaymentChannel.BANK_TRANSFER));
        }

        @Test
        void aRefusedTransferFailsWithTheBanksReason() {
            Payment p = sent();
            var events = p.fail("ACCOUNT_CLOSED", "Rekening ditutup", T2);
            assertThat(p.state()).isEqualTo(PaymentState.FAILED);
            assertThat(p.failureReason()).isEqualTo("Rekening ditutup");
            assertThat(events)
                    .singleElement()
                    .isEqualTo(new PaymentFailed(
                            p.paymentId(),
                            PERSON,
                            960_000,
                            "002",
                            "***7890",
                            "ACCOUNT_CLOSED",
                            "Rekening ditutup",
                            T2,
                            p.programId()));
        }

        @ParameterizedTest
        @EnumSource(
                value = PaymentState.class,
                names = {"SCHEDULED", "APPROVED", "SETTLED", "FAILED", "RETURNED"})
        void onlyASentPaymentIsSettledOrFailed(PaymentState state) {
            assertThat(in(state).isSent()).isFalse();
            refused(in(state), p -> p.settle("REF", T2));
            refused(in(state), p -> p.fail("X", "x", T2));
        }
    }

    @Nested
    class AfterTheBank {

        @Test
        void aSettledCreditThatCameBackIsReturned() {
            Payment p = settled();
            UUID reconciliation = UUID.randomUUID();
            var events = p.markReturned("STMT-9", reconciliation, T2);
            assertThat(p.state()).isEqualTo(PaymentState.RETURNED);
            assertThat(p.failureCode()).isEqualTo("RETURNED");
            assertThat(events)
                    .singleElement()
                    .isEqualTo(new PaymentReturned(
                            p.paymentId(), PERSON, 960_000, "STMT-9", reconciliation, T2, p.programId()));
            refused(p, x -> x.markReturned("STMT-9", reconciliation, T2));
            refused(sent(), x -> x.markReturned("STMT-9", reconciliation, T2));
        }

        @ParameterizedTest
        @EnumSource(
                value = PaymentState.class,
                names = {"FAILED", "RETURNED"})
        void aFailedOrReturnedPaymentIsReplacedByANewOneThatStartsOver(PaymentState state) {
            Payment old = in(state);
            UUID newId = UUID.randomUUID();

            Payment.Created replacement = old.reissue(newId, "maker-1", "rekening diperbaiki", T2);

            assertThat(old.state()).isEqualTo(PaymentState.REISSUED);
            assertThat(old.live).as("it leaves the person's one live slot").isFalse();
            Payment fresh = replacement.payment();
            assertThat(fresh.paymentId()).isEqualTo(newId);
            assertThat(fresh.terms().reissueOf()).isEqualTo(old.paymentId());
            assertThat(fresh.amount()).isEqualTo(960_000);
            assertThat(fresh.state()).isEqualTo(PaymentState.SCHEDULED);
            assertThat(fresh.accountCheck())
                    .as("checked again, on the payee's account now")
                    .isEqualTo(Payment.AccountCheck.PENDING);
            assertThat(fresh.checkedAccount()).isNull();
            assertThat(replacement.events()).hasSize(2);
            assertThat(replacement.events().get(0))
                    .isEqualTo(new PaymentReissued(
                            old.paymentId(), newId, PERSON, 960_000, "maker-1", "rekening diperbaiki", T2));
            assertThat(replacement.events().get(1))
                    .asInstanceOf(type(PaymentScheduled.class))
                    .extracting(PaymentScheduled::paymentId)
                    .isEqualTo(newId);
        }

        @ParameterizedTest
        @EnumSource(
                value = PaymentState.class,
                names = {"SCHEDULED", "APPROVED", "SENT", "SETTLED", "REISSUED"})
        void nothingElseIsReissued(PaymentState state) {
            refused(in(state), p -> p.reissue(UUID.randomUUID(), "maker-1", "why", T2));
        }
    }

    @Nested
    class AnAccountOpenedInBulk {

        private Payment opening() {
            Payment p = scheduled();
            p.awaitCollectiveAccount("002", T0);
            return p;
        }

        @Test
        void aPayeeWithoutAnAccountWaitsForTheBankToOpenOneWhichIsThenCheckedLikeAnyOther() {
            Payment p = scheduled();
            assertThat(p.awaitCollectiveAccount("002", T0))
                    .singleElement()
                    .asInstanceOf(type(PaymentAccountChecked.class))
                    .satisfies(e -> {
                        assertThat(e.result()).isEqualTo("OPENING");
                        assertThat(e.accountText()).isEqualTo("a new account at bank 002");
                    });
            assertThat(p.accountCheck()).isEqualTo(Payment.AccountCheck.OPENING);
            refused(p, x -> x.approve("checker-1", T1));
            refused(p, x -> x.startAccountCheck(T1));

            p.collectiveAccountRequested("REQ-1", T1, T0);
            assertThat(p.openingReference()).isEqualTo("REQ-1");
            assertThat(p.awaitsOpenedAccount()).isTrue();

            assertThat(p.collectiveAccountOpened("sealed-opened", "***0015", T1))
                    .singleElement()
                    .isEqualTo(new CollectiveAccountOpened(
                            p.paymentId(), PERSON, "bantuan-stimulan-usaha", "002", "***0015", "REQ-1", T1));
            assertThat(p.accountCheck()).as("asked about at once").isEqualTo(Payment.AccountCheck.PENDING);
            assertThat(p.accountCheckedAt()).isNull();
            assertThat(p.sealedOpenedAccount()).isEqualTo("sealed-opened");
            assertThat(p.channel()).isEqualTo(PaymentChannel.BANK_TRANSFER);
            refused(p, x -> x.collectiveAccountOpened("sealed-again", "***0016", T2));
        }

        @Test
        void whomTheBankCannotOpenAnAccountForCollectsTheGrantAtAPostOffice() {
            Payment p = opening();
            p.collectiveAccountRequested("REQ-1", T1, T0);

            assertThat(p.collectiveAccountRefused("data kependudukan tidak sesuai Dukcapil", T1))
                    .singleElement()
                    .asInstanceOf(type(PaymentAccountChecked.class))
                    .satisfies(e -> assertThat(e.detail()).contains("Dukcapil", "Kantor Pos"));
            assertThat(p.isCash()).isTrue();
            assertThat(p.accountCheck()).isEqualTo(Payment.AccountCheck.VERIFIED);
            assertThat(p.approve("checker-1", T2)).isNotEmpty();
        }

        @Test
        void anAccountOfTheirOwnGivenMeanwhileIsCheckedInsteadAndTheBanksLateAnswerIsNotWanted() {
            Payment p = opening();
            p.collectiveAccountRequested("REQ-1", T1, T0);

            assertThat(p.payeeAccountAmended(T1)).isTrue();
            assertThat(p.accountCheck()).isEqualTo(Payment.AccountCheck.PENDING);
            assertThat(p.awaitsOpenedAccount()).isFalse();
            assertThat(p.nextCheckAt()).isNull();
            refused(p, x -> x.collectiveAccountOpened("sealed-opened", "***0015", T2));
        }
    }

    @Nested
    class CashAtAPostOffice {

        private final LocalDate deadline = LocalDate.of(2019, 10, 31);

        private Payment approvedInCash() {
            Payment p = scheduled();
            p.payInCash(T0);
            p.approve("checker-1", T1);
            return p;
        }

        private Payment issued() {
            Payment p = approvedInCash();
            p.sendAsCash(T2, T1);
            p.cashIssued("POS-1", deadline, "sealed-code", T2, T1);
            return p;
        }

        @Test
        void aPayeeWithoutAnAccountHasNothingToCheckAndIsBatchedAndApprovedLikeAnyOther() {
            Payment p = scheduled();

            assertThat(p.payInCash(T0))
                    .singleElement()
                    .asInstanceOf(type(PaymentAccountChecked.class))
                    .satisfies(c -> {
                        assertThat(c.result()).isEqualTo("POS_CASH");
                        assertThat(c.bankCode()).isNull();
                        assertThat(c.detail()).isEqualTo(Payment.CASH_AT_POS);
                    });
            assertThat(p.accountCheck()).isEqualTo(Payment.AccountCheck.VERIFIED);
            assertThat(p.channel()).isEqualTo(PaymentChannel.POS_CASH);
            p.approve("checker-1", T1);
            assertThat(p.state()).isEqualTo(PaymentState.APPROVED);
        }

        @Test
        void anAccountGivenBeforeTheBatchMakesItATransferCheckedAgain() {
            Payment p = scheduled();
            p.payInCash(T0);

            assertThat(p.payeeAccountAmended(T1)).isTrue();

            assertThat(p.channel()).isEqualTo(PaymentChannel.BANK_TRANSFER);
            assertThat(p.accountCheck()).isEqualTo(Payment.AccountCheck.PENDING);
        }

        @Test
        void sentToThePostOfficeItWaitsForItsPersonUntilTheDeadlineSaidOnce() {
            Payment p = approvedInCash();

            assertThat(p.sendAsCash(T2, T1))
                    .singleElement()
                    .isEqualTo(new PaymentSent(
                            p.paymentId(), PERSON, 960_000, null, null, T1, p.programId(), PaymentChannel.POS_CASH));
            assertThat(p.cashIssued("POS-1", deadline, "sealed-code", T2, T1))
                    .singleElement()
                    .isEqualTo(new CashClaimIssued(
                            p.paymentId(), PERSON, p.programId(), 960_000, "POS-1", deadline, "sealed-code", T1));
            assertThat(p.claimDeadline()).isEqualTo(deadline);
            assertThat(p.cashIssued("POS-1", deadline, "sealed-again", T2, T2))
                    .as("a repeated answer (a status inquiry after a lost reply) says nothing new")
                    .isEmpty();
            assertThat(p.holdsBudget()).isFalse();
        }

        @Test
        void collectedCashSettlesWithThePostOfficesReferenceAndNoAccount() {
            Payment p = issued();

            PaymentSettled settled = (PaymentSettled) p.settle("POSPAID-9", T2).get(0);

            assertThat(p.state()).isEqualTo(PaymentState.SETTLED);
            assertThat(settled.channel()).isEqualTo(PaymentChannel.POS_CASH);
            assertThat(settled.bankCode()).isNull();
            assertThat(settled.accountNumberMasked()).isNull();
            assertThat(settled.bankReference()).isEqualTo("POSPAID-9");
        }

        @Test
        void cashNobodyCollectedIsReturnedAndMayBeReissued() {
            Payment p = issued();

            assertThat(p.expireUnclaimed("POS-1", T2))
                    .singleElement()
                    .isEqualTo(new CashClaimExpired(
                            p.paymentId(), PERSON, p.programId(), "2019", 960_000, "52", "POS-1", deadline, T2));
            assertThat(p.state()).isEqualTo(PaymentState.RETURNED);
            assertThat(p.failureCode()).isEqualTo(Payment.UNCLAIMED);

            Payment.Created again = p.reissue(UUID.randomUUID(), "finance-1", "was in hospital", T2);
            assertThat(again.payment().channel())
                    .as("the reissue is checked again: cash, or a transfer if an account was given since")
                    .isEqualTo(PaymentChannel.BANK_TRANSFER);
            assertThat(again.payment().accountCheck()).isEqualTo(Payment.AccountCheck.PENDING);
        }

        @Test
        void aTransferHasNoCashClaimAndCashIsNotSentToABank() {
            refused(sent(), x -> x.cashIssued("POS-1", deadline, "sealed-code", T2, T2));
            refused(sent(), x -> x.expireUnclaimed("POS-1", T2));
            refused(approvedInCash(), x -> x.settle("POSPAID-9", T2));
            refused(approvedInCash(), x -> x.send("002", "sealed", "***7890", T2, T2));
        }
    }

    @Nested
    class ADeclinedGrant {

        private final UUID offer = UUID.fromString("0190f5a4-0000-7000-8000-0000000000cc");
        private final UUID batch = UUID.fromString("0190f5a4-0000-7000-8000-0000000000bb");

        @Test
        void aScheduledPaymentIsCancelledHoldingNoBudget() {
            Payment p = verified();
            assertThat(p.holdsBudget()).isFalse();

            assertThat(p.cancel("declined", offer, T2))
                    .singleElement()
                    .isEqualTo(new PaymentCancelled(
                            p.paymentId(),
                            PERSON,
                            p.programId(),
                            "2019",
                            960_000,
                            "SCHEDULED",
                            null,
                            0,
                            "declined",
                            offer,
                            T2));
            assertThat(p.state()).isEqualTo(PaymentState.CANCELLED);
            assertThat(p.live)
                    .as("it keeps the person's slot: none is scheduled again")
                    .isTrue();
            refused(p, x -> x.approve("checker-1", T2));
            refused(p, x -> x.addToBatch(batch, T2));
        }

        @Test
        void oneWaitingInABatchLeavesItAndGivesItsReservationBack() {
            Payment p = verified();
            p.addToBatch(batch, T1);
            assertThat(p.holdsBudget()).isTrue();

            assertThat(p.cancel("declined", offer, T2))
                    .singleElement()
                    .asInstanceOf(type(PaymentCancelled.class))
                    .satisfies(c -> {
                        assertThat(c.withdrawnFromBatch()).isEqualTo(batch);
                        assertThat(c.releasedBudget()).isEqualTo(960_000);
                    });
        }

        @Test
        void anApprovedOneNotYetSentGivesItsReservationBack() {
            Payment p = approved();
            assertThat(p.holdsBudget()).isTrue();

            PaymentCancelled c =
                    (PaymentCancelled) p.cancel("declined", offer, T2).get(0);

            assertThat(c.previousState()).isEqualTo("APPROVED");
            assertThat(c.releasedBudget()).isEqualTo(960_000);
            assertThat(c.withdrawnFromBatch()).isNull();
            refused(p, x -> x.send("002", "sealed", "***7890", T2, T2));
        }

        @ParameterizedTest
        @EnumSource(
                value = PaymentState.class,
                names = {"SENT", "SETTLED", "FAILED", "RETURNED", "REISSUED", "CANCELLED"})
        void moneyThatWentToTheBankIsNotCalledBack(PaymentState state) {
            refused(in(state), p -> p.cancel("declined", offer, T2));
        }
    }

    /** A payment brought to a state by the transitions that lead there. */
    private static Payment in(PaymentState state) {
        return switch (state) {
            case SCHEDULED -> verified();
            case APPROVED -> approved();
            case SENT -> sent();
            case SETTLED -> settled();
            case FAILED -> failed();
            case RETURNED -> {
                Payment p = settled();
                p.markReturned("STMT", UUID.randomUUID(), T2);
                yield p;
            }
            case REISSUED -> {
                Payment p = failed();
                p.reissue(UUID.randomUUID(), "maker-1", "why", T2);
                yield p;
            }
            case CANCELLED -> {
                Payment p = verified();
                p.cancel("declined", null, T2);
                yield p;
            }
        };
    }
}
