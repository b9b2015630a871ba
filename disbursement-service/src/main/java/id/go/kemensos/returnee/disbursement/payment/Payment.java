package id.go.kemensos.returnee.disbursement.payment;

import id.go.kemensos.returnee.contracts.disbursement.CashClaimExpired;
import id.go.kemensos.returnee.contracts.disbursement.CashClaimIssued;
import id.go.kemensos.returnee.contracts.disbursement.CollectiveAccountOpened;
import id.go.kemensos.returnee.contracts.disbursement.PaymentAccountChecked;
import id.go.kemensos.returnee.contracts.disbursement.PaymentApproved;
import id.go.kemensos.returnee.contracts.disbursement.PaymentAwaitingBudget;
import id.go.kemensos.returnee.contracts.disbursement.PaymentCancelled;
import id.go.kemensos.returnee.contracts.disbursement.PaymentChannel;
import id.go.kemensos.returnee.contracts.disbursement.PaymentEvent;
import id.go.kemensos.returnee.contracts.disbursement.PaymentFailed;
import id.go.kemensos.returnee.contracts.disbursement.PaymentReissued;
import id.go.kemensos.returnee.contracts.disbursement.PaymentReturned;
import id.go.kemensos.returnee.contracts.disbursement.PaymentScheduled;
import id.go.kemensos.returnee.contracts.disbursement.PaymentSent;
import id.go.kemensos.returnee.contracts.disbursement.PaymentSettled;
import id.go.kemensos.returnee.security.Refusal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One program year's grant to one person, from scheduling to the bank's final answer: the money rules in plain Java.
 * Each transition checks that the payment's state allows it (a {@link Refusal} otherwise), changes the payment and
 * returns the events it causes, for the caller to append to the outbox in the transaction that saves the payment.
 * Budgets, the bank and sealing are the caller's: sealed account fields are opaque text here.
 *
 * <pre>
 * SCHEDULED ─approve→ APPROVED ─send→ SENT ─settle→ SETTLED ─markReturned→ RETURNED ─reissue→ REISSUED
 *                        └─failUnsendable→ FAILED ←fail─┘                      FAILED ─reissue→ REISSUED
 * SCHEDULED | APPROVED ─cancel→ CANCELLED (the person declined the grant)
 * </pre>
 * Before approval the account is checked: PENDING → CHECKING → VERIFIED | MISMATCH (an officer may accept a mismatch).
 * A person without an account whose program has a Himbara bank open accounts where they live waits in OPENING for the
 * bank to open one (rekening kolektif), which is then checked (PENDING) and paid as any account; a bank that cannot
 * open it sends them to the post office. Elsewhere a person without an account is paid in cash at a post office
 * (channel POS_CASH, nothing to check): SENT is then the
 * cash handed to PT Pos, {@code cashIssued} records the claim's deadline, SETTLED is the cash collected and RETURNED
 * ({@code expireUnclaimed}) the cash nobody collected by the deadline, which PT Pos sent back.
 * <p> The fields are package-private for {@link PaymentRepository}, which maps them to {@code payment_intent}, and
 * nobody else.
 */
public final class Payment {

    /** Where the bank's account inquiry stands; only a VERIFIED payment is batched or approved. */
    public enum AccountCheck {
        PENDING,
        CHECKING,
        VERIFIED,
        MISMATCH,
        /** The person has no account: a bank is opening one for them in bulk (rekening kolektif). */
        OPENING
    }

    /** The failure code of cash nobody collected by its deadline. */
    public static final String UNCLAIMED = "UNCLAIMED";

    /** Why a payment has no account check: its person has no account, and collects the cash at a post office. */
    public static final String CASH_AT_POS =
            "Tanpa rekening: diambil tunai di Kantor Pos / no bank account: collected in cash at a post office";

    /** Why a payment waits: a bank is opening an account for its person, who has none. */
    public static String collectiveAccountRequested(String bankCode) {
        return "Tanpa rekening: rekening kolektif dibuka di bank " + bankCode + " / no bank account: bank " + bankCode
                + " opens one (rekening kolektif)";
    }

    /** Why a payment whose payee was erased is held, and why it fails if it was already approved. */
    public static final String PAYEE_ERASED =
            "Data pribadi penerima telah dihapus / the payee's personal data was erased";

    /** What never changes: who is paid how much, under which program year, on which decision. */
    public record Terms(
            UUID paymentId,
            String programId,
            String cycleId,
            UUID beneficiaryId,
            UUID decisionId,
            long amount,
            String provinceCode,
            String regencyCode,
            UUID reissueOf,
            Instant scheduledAt) {

        public Terms {
            Objects.requireNonNull(paymentId, "paymentId");
            Objects.requireNonNull(beneficiaryId, "beneficiaryId");
            if (amount <= 0) {
                throw new IllegalArgumentException("A payment's amount is positive, not Rp " + amount);
            }
        }
    }

    /** The account the bank's inquiry answered for (sealed), which the payment will go to; its payee's version then. */
    public record CheckedAccount(String bankCode, String sealedAccount, int accountVersion) {}

    /** A payment that did not exist before, with the events its creation causes. */
    public record Created(Payment payment, List<PaymentEvent> events) {}

    final Terms terms;
    PaymentState state;
    boolean live;
    PaymentChannel channel = PaymentChannel.BANK_TRANSFER;
    LocalDate claimDeadline;
    AccountCheck accountCheck;
    Instant accountCheckedAt;
    String accountCheckDetail;
    String sealedHolderSeen;
    CheckedAccount checkedAccount;
    String accountMasked;
    String openingBankCode;
    String openingReference;
    String sealedOpenedAccount;
    String approvedBy;
    UUID batchId;
    String waitingReason;
    String bankCode;
    String sealedPaidAccount;
    String bankReference;
    String failureCode;
    String failureReason;
    int statusChecks;
    Instant nextCheckAt;
    Instant settledAt;
    Instant updatedAt;
    int version;

    Payment(Terms terms) {
        this.terms = terms;
    }

    /** A new payment of an eligible decision's grant, waiting for its account check. */
    public static Created schedule(Terms terms) {
        Payment payment = new Payment(terms);
        payment.state = PaymentState.SCHEDULED;
        payment.live = true;
        payment.accountCheck = AccountCheck.PENDING;
        payment.updatedAt = terms.scheduledAt();
        return new Created(payment, List.of(payment.scheduled()));
    }

    // --- the account check -------------------------------------------------------------------------------------------

    /** Where no inquiry runs (a bank without one), the account counts as verified: the payee's account is paid. */
    public void verifyWithoutInquiry(Instant now) {
        require("verify the account", PaymentState.SCHEDULED);
        requireCheck("verify the account", AccountCheck.PENDING);
        accountCheck = AccountCheck.VERIFIED;
        updatedAt = now;
    }

    /**
     * The payee has no bank account: the money will wait for them at a post office, with nothing for a bank to check.
     */
    public List<PaymentEvent> payInCash(Instant now) {
        return payInCash(CASH_AT_POS, now);
    }

    private List<PaymentEvent> payInCash(String why, Instant now) {
        require("pay in cash", PaymentState.SCHEDULED);
        requireCheck("pay in cash", AccountCheck.PENDING, AccountCheck.CHECKING, AccountCheck.OPENING);
        channel = PaymentChannel.POS_CASH;
        accountCheck = AccountCheck.VERIFIED;
        checkedAccount = null;
        accountMasked = null;
        nextCheckAt = null;
        accountCheckDetail = why;
        accountCheckedAt = now;
        updatedAt = now;
        return List.of(new PaymentAccountChecked(
                paymentId(), beneficiaryId(), PaymentChannel.POS_CASH.name(), null, null, 0, why, now));
    }

    // --- an account opened in bulk for a person without one (rekening kolektif) ------------------------------------

    /**
     * The payee has no account, and the program's bank opens accounts where they live: the payment waits while it is
     * opened. Which request carries it is decided by the opener ({@link #collectiveAccountRequested}).
     */
    public List<PaymentEvent> awaitCollectiveAccount(String bankCode, Instant now) {
        require("open an account", PaymentState.SCHEDULED);
        requireCheck("open an account", AccountCheck.PENDING, AccountCheck.CHECKING);
        accountCheck = AccountCheck.OPENING;
        openingBankCode = bankCode;
        openingReference = null;
        sealedOpenedAccount = null;
        accountCheckDetail = collectiveAccountRequested(bankCode);
        accountCheckedAt = now;
        updatedAt = now;
        return List.of(new PaymentAccountChecked(
                paymentId(), beneficiaryId(), AccountCheck.OPENING.name(), bankCode, null, 0, accountCheckDetail, now));
    }

    /**
     * Put in the collective opening request {@code reference} (committed before the bank is called, so a crash leaves
     * a request whose status is asked and which is sent again if the bank never had it); asked about at
     * {@code askAt}.
     */
    public void collectiveAccountRequested(String reference, Instant askAt, Instant now) {
        requireOpening("request the account");
        openingReference = reference;
        nextCheckAt = askAt;
        updatedAt = now;
    }

    /** Whether the bank's answer to an opening request is still wanted (not once the payee gave an account). */
    public boolean awaitsOpenedAccount() {
        return state == PaymentState.SCHEDULED && accountCheck == AccountCheck.OPENING;
    }

    /** The opening request's status is asked again at {@code next}. */
    public void openingStatusDue(Instant next) {
        requireOpening("ask about the opening");
        nextCheckAt = next;
    }

    /**
     * The bank opened the account: the payment's account to check (PENDING, asked at once) and then to pay, as any
     * account. Sealed by the caller; {@code masked} its last digits.
     */
    public List<PaymentEvent> collectiveAccountOpened(String sealedAccount, String masked, Instant now) {
        requireOpening("record the opened account");
        sealedOpenedAccount = sealedAccount;
        accountCheck = AccountCheck.PENDING;
        accountCheckedAt = null;
        nextCheckAt = null;
        accountCheckDetail = null;
        updatedAt = now;
        return List.of(new CollectiveAccountOpened(
                paymentId(), beneficiaryId(), programId(), openingBankCode, masked, openingReference, now));
    }

    /** The bank could not open an account (its KYC refused the data): nobody is shut out, the cash goes to PT Pos. */
    public List<PaymentEvent> collectiveAccountRefused(String bankReason, Instant now) {
        requireOpening("record the refused opening");
        return payInCash(
                "Bank " + openingBankCode + " tidak dapat membuka rekening ("
                        + (bankReason.length() > 100 ? bankReason.substring(0, 100) : bankReason)
                        + "): diambil tunai di Kantor Pos / the bank could not open an account: collected in cash at a"
                        + " post office",
                now);
    }

    /** The inquiry starts: CHECKING, so that no other pass asks too; one abandoned by a crash may be taken again. */
    public void startAccountCheck(Instant now) {
        require("check the account", PaymentState.SCHEDULED);
        requireCheck("check the account", AccountCheck.PENDING, AccountCheck.CHECKING);
        accountCheck = AccountCheck.CHECKING;
        accountCheckedAt = now;
        updatedAt = now;
    }

    /**
     * Whether an inquiry's answer is still wanted: not if the payee's account was amended meanwhile (checked again).
     */
    public boolean awaitsAccountAnswer() {
        return state == PaymentState.SCHEDULED && accountCheck == AccountCheck.CHECKING;
    }

    /** The bank gave no answer: the account is asked about again. */
    public void accountCheckUnanswered(Instant now) {
        requireAnswerAwaited("record an unanswered inquiry");
        accountCheck = AccountCheck.PENDING;
        accountCheckedAt = now; // asked again after a pause, not at once (PaymentRepository.claimAccountChecks)
        updatedAt = now;
    }

    /**
     * The bank's answer: the account it answered for is the one this payment will go to, whatever the payee amends
     * later.
     *
     * @param verified      the account is open and its holder is the registered person
     * @param sealedHolder  the holder name the bank gave (sealed), or null when it gave none
     * @param detail        why it does not match (no personal data), or null
     */
    public List<PaymentEvent> recordAccountCheck(
            boolean verified,
            CheckedAccount account,
            String accountMasked,
            String sealedHolder,
            double nameScore,
            String detail,
            Instant now) {
        requireAnswerAwaited("record the account check");
        accountCheck = verified ? AccountCheck.VERIFIED : AccountCheck.MISMATCH;
        checkedAccount = account;
        this.accountMasked = accountMasked;
        sealedHolderSeen = sealedHolder;
        accountCheckDetail = detail;
        accountCheckedAt = now;
        updatedAt = now;
        return List.of(new PaymentAccountChecked(
                paymentId(),
                beneficiaryId(),
                accountCheck.name(),
                account.bankCode(),
                accountMasked,
                nameScore,
                detail,
                now));
    }

    /** The payee's data cannot be opened (erased): nobody can check or pay an account that can no longer be read. */
    public void holdUnreadableAccount(Instant now) {
        require("hold the account", PaymentState.SCHEDULED);
        accountCheck = AccountCheck.MISMATCH;
        accountCheckDetail = PAYEE_ERASED;
        accountCheckedAt = now;
        updatedAt = now;
    }

    /** A finance officer who has seen proof (a joint account, the bank's spelling) accepts a mismatched account. */
    public List<PaymentEvent> acceptAccount(String officer, String reason, Instant now) {
        require("accept the account", PaymentState.SCHEDULED);
        if (accountCheck != AccountCheck.MISMATCH) {
            throw Refusal.conflict("Rekening pembayaran ini tidak menunggu tinjauan (" + accountCheck + ") / "
                    + "this payment's account is not waiting for review");
        }
        if (PAYEE_ERASED.equals(accountCheckDetail)) {
            throw Refusal.conflict("Data pribadi penerima telah dihapus; pembayaran tidak dapat dikirim / "
                    + "the payee's personal data was erased; the payment cannot be sent");
        }
        accountCheck = AccountCheck.VERIFIED;
        accountCheckDetail = "Diterima petugas " + officer + ": " + reason + " / accepted by " + officer;
        updatedAt = now;
        return List.of(new PaymentAccountChecked(
                paymentId(),
                beneficiaryId(),
                "VERIFIED_BY_OFFICER",
                checkedAccount == null ? null : checkedAccount.bankCode(),
                accountMasked,
                0,
                accountCheckDetail,
                now));
    }

    /**
     * The payee amended their account. A payment not yet batched is checked again, on the new account; one already
     * batched or approved keeps the account its inquiry checked, the one the officers approved.
     *
     * @return whether this payment will be checked again
     */
    public boolean payeeAccountAmended(Instant now) {
        if (state != PaymentState.SCHEDULED || batchId != null) {
            return false;
        }
        resetAccountCheck(now);
        return true;
    }

    /** Whether an amendment leaves this payment going to the account checked before it (for the on-call's log). */
    public boolean keepsCheckedAccount() {
        return checkedAccount != null
                && (state == PaymentState.APPROVED || (state == PaymentState.SCHEDULED && batchId != null));
    }

    // --- budget and approval -----------------------------------------------------------------------------------------

    /**
     * The budget has no room: the payment stays SCHEDULED with the reason, raised as an event when the reason changes,
     * not on every retry.
     */
    public List<PaymentEvent> awaitBudget(String reason, Instant now) {
        require("wait for budget", PaymentState.SCHEDULED);
        if (reason.equals(waitingReason)) {
            return List.of();
        }
        waitingReason = reason;
        updatedAt = now;
        return List.of(new PaymentAwaitingBudget(
                paymentId(), beneficiaryId(), amount(), programId(), provinceCode(), cycleId(), reason, now));
    }

    /** Approved for transfer, by a checker's batch decision or automatically; the budget is reserved by the caller. */
    public List<PaymentEvent> approve(String approvedBy, Instant now) {
        require("approve", PaymentState.SCHEDULED);
        requireCheck("approve", AccountCheck.VERIFIED);
        state = PaymentState.APPROVED;
        this.approvedBy = approvedBy;
        waitingReason = null;
        updatedAt = now;
        return List.of(new PaymentApproved(paymentId(), beneficiaryId(), amount(), approvedBy, now, programId()));
    }

    /** Put in a maker's batch, its budget reserved; it waits for the checker there. */
    public void addToBatch(UUID batch, Instant now) {
        require("batch", PaymentState.SCHEDULED);
        requireCheck("batch", AccountCheck.VERIFIED);
        if (batchId != null) {
            throw Refusal.conflict(
                    "Pembayaran " + paymentId() + " sudah ada di batch " + batchId + " / already in a batch");
        }
        batchId = batch;
        waitingReason = null;
        updatedAt = now;
    }

    /**
     * Back in the pool after its batch was rejected. If the payee amended the account after it was checked, it is
     * checked again, on the new one.
     */
    public void leaveRejectedBatch(int payeeAccountVersion, Instant now) {
        require("leave its batch", PaymentState.SCHEDULED);
        if (batchId == null) {
            throw Refusal.conflict("Pembayaran " + paymentId() + " tidak ada di batch / not in a batch");
        }
        batchId = null;
        updatedAt = now;
        if (checkedAccount != null && checkedAccount.accountVersion() < payeeAccountVersion) {
            resetAccountCheck(now);
        }
    }

    /** Whether part of a budget is reserved for it: approved, or waiting in a maker's batch. */
    public boolean holdsBudget() {
        return state == PaymentState.APPROVED || (state == PaymentState.SCHEDULED && batchId != null);
    }

    /**
     * The person declined the grant before the money went to the bank: CANCELLED, and it stays their payment of the
     * program year, so none is scheduled again. The caller gives back what {@link #holdsBudget()} said it held and
     * shrinks the batch it leaves (the event names both).
     */
    public List<PaymentEvent> cancel(String reason, UUID offerId, Instant now) {
        require("cancel", PaymentState.SCHEDULED, PaymentState.APPROVED);
        PaymentState previous = state;
        long released = holdsBudget() ? amount() : 0;
        UUID leftBatch = previous == PaymentState.SCHEDULED ? batchId : null;
        state = PaymentState.CANCELLED;
        waitingReason = null;
        failureCode = "DECLINED";
        failureReason = reason;
        updatedAt = now;
        return List.of(new PaymentCancelled(
                paymentId(),
                beneficiaryId(),
                programId(),
                cycleId(),
                amount(),
                previous.name(),
                leftBatch,
                released,
                reason,
                offerId,
                now));
    }

    // --- the bank ----------------------------------------------------------------------------------------------------

    /** Handed to the bank (committed before the call, so a crash leaves a SENT payment whose status is asked). */
    public List<PaymentEvent> send(
            String toBankCode, String sealedAccount, String maskedAccount, Instant checkStatusAt, Instant now) {
        require("send", PaymentState.APPROVED);
        if (isCash()) {
            throw Refusal.conflict(
                    "Pembayaran " + paymentId() + " disetujui untuk diambil tunai; tidak dapat ditransfer / "
                            + "payment " + paymentId() + " was approved as cash at a post office, not a transfer");
        }
        state = PaymentState.SENT;
        bankCode = toBankCode;
        sealedPaidAccount = sealedAccount;
        accountMasked = maskedAccount;
        nextCheckAt = checkStatusAt;
        updatedAt = now;
        return List.of(new PaymentSent(
                paymentId(),
                beneficiaryId(),
                amount(),
                toBankCode,
                maskedAccount,
                now,
                programId(),
                PaymentChannel.BANK_TRANSFER));
    }

    /**
     * Handed to PT Pos, to be collected in cash (committed before the call, like a transfer: a crash leaves a SENT
     * payment whose status is asked, and PT Pos issues one claim per reference).
     */
    public List<PaymentEvent> sendAsCash(Instant checkStatusAt, Instant now) {
        require("send", PaymentState.APPROVED);
        state = PaymentState.SENT;
        channel = PaymentChannel.POS_CASH;
        bankCode = null;
        sealedPaidAccount = null;
        accountMasked = null;
        nextCheckAt = checkStatusAt;
        updatedAt = now;
        return List.of(new PaymentSent(
                paymentId(), beneficiaryId(), amount(), null, null, now, programId(), PaymentChannel.POS_CASH));
    }

    /**
     * PT Pos holds the cash until the end of {@code deadline}; the person is sent the claim code (sealed, for them
     * only). Said once: a repeated answer (a status inquiry after a lost reply) changes nothing.
     */
    public List<PaymentEvent> cashIssued(
            String posReference, LocalDate deadline, String sealedClaimCode, Instant checkStatusAt, Instant now) {
        require("record the cash claim", PaymentState.SENT);
        requireCash("record the cash claim");
        if (claimDeadline != null) {
            return List.of();
        }
        bankReference = posReference;
        claimDeadline = deadline;
        nextCheckAt = checkStatusAt;
        updatedAt = now;
        return List.of(new CashClaimIssued(
                paymentId(), beneficiaryId(), programId(), amount(), posReference, deadline, sealedClaimCode, now));
    }

    /**
     * Nobody collected the cash by its deadline and PT Pos returned it: RETURNED, and the caller gives the amount back to
     * the budget. It may be reissued (the person was away, ill, or never got the code).
     */
    public List<PaymentEvent> expireUnclaimed(String posReference, Instant now) {
        require("expire the cash claim", PaymentState.SENT);
        requireCash("expire the cash claim");
        state = PaymentState.RETURNED;
        bankReference = posReference;
        failureCode = UNCLAIMED;
        failureReason = "Tidak diambil sampai batas waktu / not collected by the deadline";
        nextCheckAt = null;
        updatedAt = now;
        return List.of(new CashClaimExpired(
                paymentId(),
                beneficiaryId(),
                programId(),
                cycleId(),
                amount(),
                provinceCode(),
                posReference,
                claimDeadline,
                now));
    }

    /** Approved, but its account can no longer be read (erased meanwhile): the money cannot go, and never left. */
    public List<PaymentEvent> failUnsendable(String code, Instant now) {
        require("fail before sending", PaymentState.APPROVED);
        return failed(code, PAYEE_ERASED, now);
    }

    /** Whether the bank's answer on a transfer is still wanted. */
    public boolean isSent() {
        return state == PaymentState.SENT;
    }

    /** No final answer yet: asked again later; pushed back so that no other pass takes it meanwhile. */
    public void statusCheckDue(Instant next) {
        require("check the status", PaymentState.SENT);
        statusChecks++;
        nextCheckAt = next;
    }

    /** The bank credited the account. */
    public List<PaymentEvent> settle(String reference, Instant now) {
        require("settle", PaymentState.SENT);
        state = PaymentState.SETTLED;
        bankReference = reference;
        nextCheckAt = null;
        settledAt = now;
        updatedAt = now;
        return List.of(new PaymentSettled(
                paymentId(),
                beneficiaryId(),
                programId(),
                amount(),
                bankCode,
                channel == PaymentChannel.POS_CASH ? null : masked(),
                reference,
                now,
                cycleId(),
                channel));
    }

    /**
     * The bank refused the transfer for good; no money moved, so the caller gives its reservation back to the budget.
     */
    public List<PaymentEvent> fail(String code, String reason, Instant now) {
        require("fail", PaymentState.SENT);
        return failed(code, reason, now);
    }

    /** A settled credit came back on the bank's statement; the caller gives the amount back to the budget. */
    public List<PaymentEvent> markReturned(String statementReference, UUID reconciliationId, Instant now) {
        require("mark returned", PaymentState.SETTLED);
        state = PaymentState.RETURNED;
        failureCode = "RETURNED";
        updatedAt = now;
        return List.of(new PaymentReturned(
                paymentId(), beneficiaryId(), amount(), statementReference, reconciliationId, now, programId()));
    }

    /**
     * Replaced by a new payment for the same person, program year and amount, which goes through the account check and
     * approval like any other. This one becomes REISSUED and gives up its place as the person's one live payment.
     */
    public Created reissue(UUID newPaymentId, String requestedBy, String reason, Instant now) {
        if (state != PaymentState.FAILED && state != PaymentState.RETURNED) {
            throw Refusal.conflict("Hanya pembayaran GAGAL atau DIKEMBALIKAN yang dapat diterbitkan ulang (ini " + state
                    + ") / only a FAILED or RETURNED payment can be reissued");
        }
        state = PaymentState.REISSUED;
        live = false;
        updatedAt = now;
        Created replacement = schedule(new Terms(
                newPaymentId,
                programId(),
                cycleId(),
                beneficiaryId(),
                terms.decisionId(),
                amount(),
                provinceCode(),
                regencyCode(),
                paymentId(),
                now));
        return new Created(
                replacement.payment(),
                List.of(
                        new PaymentReissued(
                                paymentId(), newPaymentId, beneficiaryId(), amount(), requestedBy, reason, now),
                        replacement.events().get(0)));
    }

    // --- reading -----------------------------------------------------------------------------------------------------

    public Terms terms() {
        return terms;
    }

    public UUID paymentId() {
        return terms.paymentId();
    }

    public UUID beneficiaryId() {
        return terms.beneficiaryId();
    }

    public String programId() {
        return terms.programId();
    }

    public String cycleId() {
        return terms.cycleId();
    }

    public String provinceCode() {
        return terms.provinceCode();
    }

    public long amount() {
        return terms.amount();
    }

    public PaymentState state() {
        return state;
    }

    public AccountCheck accountCheck() {
        return accountCheck;
    }

    public Instant accountCheckedAt() {
        return accountCheckedAt;
    }

    public String accountCheckDetail() {
        return accountCheckDetail;
    }

    public String sealedHolderSeen() {
        return sealedHolderSeen;
    }

    /** The account checked, or null where no inquiry answered (the payee's account is then the one paid). */
    public CheckedAccount checkedAccount() {
        return checkedAccount;
    }

    public String accountMasked() {
        return accountMasked;
    }

    public String approvedBy() {
        return approvedBy;
    }

    public UUID batchId() {
        return batchId;
    }

    public String waitingReason() {
        return waitingReason;
    }

    public String bankCode() {
        return bankCode;
    }

    public String sealedPaidAccount() {
        return sealedPaidAccount;
    }

    public String bankReference() {
        return bankReference;
    }

    public String failureCode() {
        return failureCode;
    }

    public String failureReason() {
        return failureReason;
    }

    public int statusChecks() {
        return statusChecks;
    }

    public Instant nextCheckAt() {
        return nextCheckAt;
    }

    public Instant settledAt() {
        return settledAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public PaymentChannel channel() {
        return channel;
    }

    /** The last day the cash may be collected at a post office; null until PT Pos issued the claim. */
    public LocalDate claimDeadline() {
        return claimDeadline;
    }

    /** The bank asked to open an account for its person (who has none); null when none was asked. */
    public String openingBankCode() {
        return openingBankCode;
    }

    /** The collective opening request that carries it; null until the opener put it in one. */
    public String openingReference() {
        return openingReference;
    }

    /** The account a bank opened for its person (sealed), to be checked and paid; null when none was opened. */
    public String sealedOpenedAccount() {
        return sealedOpenedAccount;
    }

    /** Whether its person collects it in cash at a post office. */
    public boolean isCash() {
        return channel == PaymentChannel.POS_CASH;
    }

    private PaymentScheduled scheduled() {
        return new PaymentScheduled(
                paymentId(),
                beneficiaryId(),
                programId(),
                cycleId(),
                terms.decisionId(),
                amount(),
                provinceCode(),
                terms.regencyCode(),
                terms.scheduledAt());
    }

    private String regencyCode() {
        return terms.regencyCode();
    }

    private List<PaymentEvent> failed(String code, String reason, Instant now) {
        state = PaymentState.FAILED;
        failureCode = code;
        failureReason = reason;
        nextCheckAt = null;
        updatedAt = now;
        return List.of(new PaymentFailed(
                paymentId(), beneficiaryId(), amount(), bankCode, masked(), code, reason, now, programId()));
    }

    private void resetAccountCheck(Instant now) {
        accountCheck = AccountCheck.PENDING;
        nextCheckAt = null;
        channel = PaymentChannel.BANK_TRANSFER;
        sealedHolderSeen = null;
        accountCheckDetail = null;
        updatedAt = now;
    }

    private String masked() {
        return accountMasked == null ? "" : accountMasked;
    }

    private void require(String action, PaymentState... allowed) {
        if (!Set.of(allowed).contains(state)) {
            throw Refusal.conflict("Pembayaran " + paymentId() + " berstatus " + state + "; tidak dapat " + action
                    + " / payment is " + state + ", cannot " + action);
        }
    }

    private void requireCheck(String action, AccountCheck... allowed) {
        if (!Set.of(allowed).contains(accountCheck)) {
            throw Refusal.conflict("Rekening pembayaran " + paymentId() + " berstatus " + accountCheck
                    + "; tidak dapat " + action + " / account check is " + accountCheck + ", cannot " + action);
        }
    }

    private void requireCash(String action) {
        if (channel != PaymentChannel.POS_CASH) {
            throw Refusal.conflict("Pembayaran " + paymentId() + " bukan tunai; tidak dapat " + action + " / payment "
                    + paymentId() + " is a transfer, cannot " + action);
        }
    }

    private void requireOpening(String action) {
        require(action, PaymentState.SCHEDULED);
        requireCheck(action, AccountCheck.OPENING);
    }

    private void requireAnswerAwaited(String action) {
        require(action, PaymentState.SCHEDULED);
        requireCheck(action, AccountCheck.CHECKING);
    }
}
