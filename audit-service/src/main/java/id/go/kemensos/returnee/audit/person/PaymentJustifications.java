package id.go.kemensos.returnee.audit.person;

import id.go.kemensos.returnee.audit.ledger.AuditEntry;
import id.go.kemensos.returnee.audit.ledger.AuditLedger;
import id.go.kemensos.returnee.contracts.PlatformEvent;
import id.go.kemensos.returnee.contracts.disbursement.CashClaimExpired;
import id.go.kemensos.returnee.contracts.disbursement.PaymentAccountChecked;
import id.go.kemensos.returnee.contracts.disbursement.PaymentApproved;
import id.go.kemensos.returnee.contracts.disbursement.PaymentBatchDecided;
import id.go.kemensos.returnee.contracts.disbursement.PaymentBatchPrepared;
import id.go.kemensos.returnee.contracts.disbursement.PaymentCancelled;
import id.go.kemensos.returnee.contracts.disbursement.PaymentEvent;
import id.go.kemensos.returnee.contracts.disbursement.PaymentFailed;
import id.go.kemensos.returnee.contracts.disbursement.PaymentReissued;
import id.go.kemensos.returnee.contracts.disbursement.PaymentReturned;
import id.go.kemensos.returnee.contracts.disbursement.PaymentScheduled;
import id.go.kemensos.returnee.contracts.disbursement.PaymentSent;
import id.go.kemensos.returnee.contracts.disbursement.PaymentSettled;
import id.go.kemensos.returnee.contracts.eligibility.CriterionOutcome;
import id.go.kemensos.returnee.contracts.eligibility.DecisionOverridden;
import id.go.kemensos.returnee.contracts.eligibility.EligibilityDecided;
import id.go.kemensos.returnee.contracts.registration.PersonalDetails;
import id.go.kemensos.returnee.contracts.registration.ReturneeRegistered;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Assembles a payment's justification from the ledger rows about the payment, its beneficiary and its batches. */
@Service
public class PaymentJustifications {

    private final AuditLedger ledger;
    private final BeneficiaryTimeline timeline;

    public PaymentJustifications(AuditLedger ledger, BeneficiaryTimeline timeline) {
        this.ledger = ledger;
        this.timeline = timeline;
    }

    public Optional<PaymentJustification> of(UUID paymentId) {
        PaymentScheduled scheduled = null;
        String state = null;
        String approvedBy = null;
        Instant approvedAt = null;
        PaymentSent sent = null;
        PaymentSettled settled = null;
        PaymentJustification.Batch batch = null;
        UUID reissueOf = null;
        List<String> checks = new ArrayList<>();
        List<TimelineEntry> history = new ArrayList<>();
        for (AuditEntry entry : ledger.byPayment(paymentId)) {
            PlatformEvent event = timeline.decoded(entry).orElse(null);
            if (event instanceof PaymentBatchPrepared prepared) {
                PaymentJustification.Batch candidate = batch(prepared);
                if (batch == null || !"REJECTED".equals(candidate.decision())) {
                    batch = candidate; // the batch that carried it, not one an officer rejected before
                }
                history.add(timeline.describe(entry, event));
                continue;
            }
            if (event instanceof PaymentReissued r && paymentId.equals(r.newPaymentId())) {
                reissueOf = r.paymentId();
                continue;
            }
            if (!(event instanceof PaymentEvent p) || !paymentId.equals(p.paymentId())) {
                continue;
            }
            history.add(timeline.describe(entry, event));
            if (event instanceof PaymentScheduled s) {
                scheduled = s;
                state = "SCHEDULED";
            } else if (event instanceof PaymentApproved a) {
                approvedBy = a.approvedBy();
                approvedAt = a.approvedAt();
                state = "APPROVED";
            } else if (event instanceof PaymentSent s) {
                sent = s;
                state = "SENT";
            } else if (event instanceof PaymentSettled s) {
                settled = s;
                state = "SETTLED";
            } else if (event instanceof PaymentFailed) {
                state = "FAILED";
            } else if (event instanceof PaymentCancelled) {
                state = "CANCELLED";
            } else if (event instanceof PaymentReturned || event instanceof CashClaimExpired) {
                state = "RETURNED";
            } else if (event instanceof PaymentReissued) {
                state = "REISSUED";
            } else if (event instanceof PaymentAccountChecked c) {
                checks.add(c.result() + " " + c.accountText() + " at " + c.checkedAt());
            }
        }
        if (scheduled == null) {
            return Optional.empty();
        }
        PaymentJustification.Beneficiary who = null;
        EligibilityDecided decided = null;
        DecisionOverridden overridden = null;
        for (AuditEntry entry : ledger.bySubject(scheduled.beneficiaryId().toString())) {
            PlatformEvent event = timeline.decoded(entry).orElse(null);
            if (event instanceof ReturneeRegistered r) {
                Optional<PersonalDetails> p = timeline.details(r);
                who = new PaymentJustification.Beneficiary(
                        r.beneficiaryId(),
                        p.map(PersonalDetails::fullName).orElse(CriterionOutcome.ERASED),
                        p.map(PersonalDetails::nikMasked).orElse(CriterionOutcome.ERASED),
                        r.provinceCode(),
                        r.regencyCode());
            } else if (event instanceof EligibilityDecided e && e.decisionId().equals(scheduled.decisionId())) {
                decided = e;
            } else if (event instanceof DecisionOverridden o && o.decisionId().equals(scheduled.decisionId())) {
                overridden = o;
            }
        }
        PaymentJustification.Decision decision = decided == null
                ? null
                : new PaymentJustification.Decision(
                        decided.decisionId(),
                        decided.outcome().name(),
                        decided.ruleSetId(),
                        decided.ruleSetVersion(),
                        decided.legalBasis(),
                        decided.relevantDate(),
                        timeline.criteria(decided.beneficiaryId(), decided.criteria()),
                        decided.decidedAt(),
                        overridden == null
                                ? null
                                : new PaymentJustification.Override(
                                        overridden.outcome().name(),
                                        overridden.officer(),
                                        overridden.reason(),
                                        overridden.overriddenAt()));
        String maker = batch != null
                ? batch.preparedBy()
                : approvedBy == null ? null : "system: scheduled from decision " + scheduled.decisionId();
        String checker = batch != null && "APPROVED".equals(batch.decision()) ? batch.decidedBy() : approvedBy;
        PaymentJustification.Bank bank = sent == null
                ? null
                : new PaymentJustification.Bank(
                        sent.bankCode(),
                        sent.accountNumberMasked(),
                        settled == null ? null : settled.bankReference(),
                        settled == null ? null : settled.settledAt());
        return Optional.of(new PaymentJustification(
                paymentId,
                state,
                scheduled.amount(),
                scheduled.programId(),
                scheduled.cycleId(),
                who,
                decision,
                batch,
                maker,
                checker,
                approvedAt,
                bank,
                checks,
                reissueOf,
                history));
    }

    private PaymentJustification.Batch batch(PaymentBatchPrepared prepared) {
        PaymentBatchDecided decided = null;
        for (AuditEntry entry : ledger.bySubject(prepared.batchId().toString())) {
            if (timeline.decoded(entry).orElse(null) instanceof PaymentBatchDecided d) {
                decided = d;
            }
        }
        return new PaymentJustification.Batch(
                prepared.batchId(),
                prepared.preparedBy(),
                prepared.preparedAt(),
                decided == null ? "PENDING" : decided.decision(),
                decided == null ? null : decided.decidedBy(),
                decided == null ? null : decided.decidedAt());
    }
}
