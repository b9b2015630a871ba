package id.go.kemensos.returnee.registration.progress;

import id.go.kemensos.returnee.contracts.PlatformEvent;
import id.go.kemensos.returnee.contracts.disbursement.CashClaimExpired;
import id.go.kemensos.returnee.contracts.disbursement.CashClaimIssued;
import id.go.kemensos.returnee.contracts.disbursement.PaymentApproved;
import id.go.kemensos.returnee.contracts.disbursement.PaymentAwaitingBudget;
import id.go.kemensos.returnee.contracts.disbursement.PaymentCancelled;
import id.go.kemensos.returnee.contracts.disbursement.PaymentFailed;
import id.go.kemensos.returnee.contracts.disbursement.PaymentReturned;
import id.go.kemensos.returnee.contracts.disbursement.PaymentScheduled;
import id.go.kemensos.returnee.contracts.disbursement.PaymentSent;
import id.go.kemensos.returnee.contracts.disbursement.PaymentSettled;
import id.go.kemensos.returnee.contracts.eligibility.DecisionOverridden;
import id.go.kemensos.returnee.contracts.eligibility.EligibilityDecided;
import id.go.kemensos.returnee.contracts.eligibility.Outcome;
import id.go.kemensos.returnee.contracts.program.ProgramCatalogue;
import id.go.kemensos.returnee.messaging.EventHandlers;
import id.go.kemensos.returnee.registration.returnee.ReturneeRepository;
import id.go.kemensos.returnee.registration.returnee.ReturneeStatus;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Keeps each returnee's status current from what eligibility and disbursement publish. An event about a beneficiary
 * this service does not know changes nothing. Out-of-order events are harmless: a part only moves to a later event (by
 * event time, then by how far along the state is).
 */
@Service
public class ReturneeProgress {

    static final String CONSUMER = "registration-progress";

    private final ReturneeRepository returnees;
    private final String statusProgramId;

    /**
     * @param programs the status follows the decision and payments of the program declared to drive it; decisions
     * under the laws (services, not money) and other programs are left out, and so is anything that would hint at a
     * trafficking case in a clerk's list
     */
    ReturneeProgress(ReturneeRepository returnees, ProgramCatalogue programs) {
        this.returnees = returnees;
        this.statusProgramId = programs.statusProgram().programId();
    }

    /** Which event moves which part of the status, and how far along each state is (its rank). */
    public EventHandlers<PlatformEvent> handlers() {
        return EventHandlers.of(CONSUMER, PlatformEvent.class)
                .on(
                        EligibilityDecided.class,
                        d -> decision(d.programId(), d.beneficiaryId(), d.outcome(), d.decidedAt(), 0))
                .on(
                        DecisionOverridden.class,
                        o -> decision(o.programId(), o.beneficiaryId(), o.outcome(), o.overriddenAt(), 1))
                .on(
                        PaymentScheduled.class,
                        p -> payment(
                                p.programId(), p.beneficiaryId(), ReturneeStatus.PAYMENT_SCHEDULED, p.scheduledAt(), 1))
                .on(
                        PaymentAwaitingBudget.class,
                        p -> payment(
                                p.programId(), p.beneficiaryId(), ReturneeStatus.PAYMENT_AWAITING_BUDGET, p.at(), 1))
                .on(
                        PaymentApproved.class,
                        p -> payment(
                                p.programId(), p.beneficiaryId(), ReturneeStatus.PAYMENT_APPROVED, p.approvedAt(), 2))
                .on(
                        PaymentSent.class,
                        p -> payment(p.programId(), p.beneficiaryId(), ReturneeStatus.PAYMENT_SENT, p.sentAt(), 3))
                .on(
                        PaymentFailed.class,
                        p -> payment(p.programId(), p.beneficiaryId(), ReturneeStatus.PAYMENT_FAILED, p.failedAt(), 4))
                .on(
                        PaymentSettled.class,
                        p -> payment(p.programId(), p.beneficiaryId(), ReturneeStatus.PAID, p.settledAt(), 5))
                .on(
                        PaymentReturned.class,
                        p -> payment(
                                p.programId(), p.beneficiaryId(), ReturneeStatus.PAYMENT_RETURNED, p.returnedAt(), 6))
                .on(
                        PaymentCancelled.class,
                        p -> payment(
                                p.programId(), p.beneficiaryId(), ReturneeStatus.PAYMENT_CANCELLED, p.cancelledAt(), 4))
                .on(
                        CashClaimIssued.class,
                        p -> payment(
                                p.programId(), p.beneficiaryId(), ReturneeStatus.CASH_AT_POST_OFFICE, p.issuedAt(), 4))
                .on(
                        CashClaimExpired.class,
                        p -> payment(p.programId(), p.beneficiaryId(), ReturneeStatus.CASH_UNCLAIMED, p.expiredAt(), 6))
                // A part only moves to a later event: a repeated one changes nothing, so no inbox row is kept.
                .idempotent();
    }

    private void decision(String programId, UUID beneficiaryId, Outcome outcome, Instant at, int rank) {
        if (statusProgramId.equals(programId)) {
            returnees.recordProgress(
                    ReturneeRepository.Progress.DECISION, beneficiaryId, outcome.name(), order(at, rank));
        }
    }

    /** A payment event written before payments named their program (null) was the status program's. */
    private void payment(String programId, UUID beneficiaryId, ReturneeStatus state, Instant at, int rank) {
        if (programId == null || statusProgramId.equals(programId)) {
            returnees.recordProgress(ReturneeRepository.Progress.PAYMENT, beneficiaryId, state.name(), order(at, rank));
        }
    }

    /** Event time, then the rank of the state, so that two events in the same millisecond still order. */
    static long order(Instant at, int rank) {
        return at.toEpochMilli() * 10 + rank;
    }
}
