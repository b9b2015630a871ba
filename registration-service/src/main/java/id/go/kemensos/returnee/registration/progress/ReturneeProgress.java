package id.go.kemensos.returnee.registration.progress;

import id.go.kemensos.returnee.contracts.disbursement.PaymentApproved;
import id.go.kemensos.returnee.contracts.disbursement.PaymentAwaitingBudget;
import id.go.kemensos.returnee.contracts.disbursement.PaymentFailed;
import id.go.kemensos.returnee.contracts.disbursement.PaymentReturned;
import id.go.kemensos.returnee.contracts.disbursement.PaymentScheduled;
import id.go.kemensos.returnee.contracts.disbursement.PaymentSent;
import id.go.kemensos.returnee.contracts.disbursement.PaymentSettled;
import id.go.kemensos.returnee.contracts.eligibility.DecisionOverridden;
import id.go.kemensos.returnee.contracts.eligibility.EligibilityDecided;
import id.go.kemensos.returnee.messaging.IncomingEvent;
import id.go.kemensos.returnee.messaging.ProcessedEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * Keeps each returnee's status current from what eligibility and disbursement publish. An event about a beneficiary this
 * service does not know changes nothing. Out-of-order events are harmless: a part only moves to a later event (by event
 * time, then by how far along the state is).
 */
@Service
public class ReturneeProgress {

    static final String CONSUMER = "registration-progress";
    private static final Logger log = LoggerFactory.getLogger(ReturneeProgress.class);

    private final JdbcTemplate jdbc;
    private final ProcessedEvents processed;
    private final String grantProgramId;

    /**
     * @param grantProgramId the grant program whose decision the status shows; decisions under the laws (services, not money)
     *                       are left out, and so is anything that would hint at a trafficking case in a clerk's list
     */
    ReturneeProgress(JdbcTemplate jdbc, ProcessedEvents processed, @Value("${registration.status-program-id:BSU}") String grantProgramId) {
        this.jdbc = jdbc;
        this.processed = processed;
        this.grantProgramId = grantProgramId;
    }

    @Transactional
    public void on(IncomingEvent event) {
        if (!processed.markHandled(CONSUMER, event.id())) {
            return;
        }
        if (event.payload() instanceof EligibilityDecided d) {
            if (grantProgramId.equals(d.programId())) {
                apply("decision_outcome", "decision_order", d.beneficiaryId(), d.outcome().name(), order(d.decidedAt(), 0));
            }
        } else if (event.payload() instanceof DecisionOverridden o) {
            if (grantProgramId.equals(o.programId())) {
                apply("decision_outcome", "decision_order", o.beneficiaryId(), o.outcome().name(), order(o.overriddenAt(), 1));
            }
        } else if (event.payload() instanceof PaymentScheduled p) {
            payment(p.beneficiaryId(), ReturneeStatus.PAYMENT_SCHEDULED, p.scheduledAt(), 1);
        } else if (event.payload() instanceof PaymentApproved p) {
            payment(p.beneficiaryId(), ReturneeStatus.PAYMENT_APPROVED, p.approvedAt(), 2);
        } else if (event.payload() instanceof PaymentSent p) {
            payment(p.beneficiaryId(), ReturneeStatus.PAYMENT_SENT, p.sentAt(), 3);
        } else if (event.payload() instanceof PaymentFailed p) {
            payment(p.beneficiaryId(), ReturneeStatus.PAYMENT_FAILED, p.failedAt(), 4);
        } else if (event.payload() instanceof PaymentSettled p) {
            payment(p.beneficiaryId(), ReturneeStatus.PAID, p.settledAt(), 5);
        } else if (event.payload() instanceof PaymentAwaitingBudget p) {
            payment(p.beneficiaryId(), ReturneeStatus.PAYMENT_AWAITING_BUDGET, p.at(), 1);
        } else if (event.payload() instanceof PaymentReturned p) {
            payment(p.beneficiaryId(), ReturneeStatus.PAYMENT_RETURNED, p.returnedAt(), 6);
        }
    }

    private void payment(UUID beneficiaryId, ReturneeStatus state, Instant at, int rank) {
        apply("payment_state", "payment_order", beneficiaryId, state.name(), order(at, rank));
    }

    private void apply(String column, String orderColumn, UUID beneficiaryId, String value, long order) {
        int updated = jdbc.update("UPDATE returnee SET " + column + " = ?, " + orderColumn + " = ? WHERE beneficiary_id = ? AND ("
                + orderColumn + " IS NULL OR " + orderColumn + " < ?)", value, order, beneficiaryId.toString(), order);
        if (updated == 0) {
            log.debug("Status {} of beneficiary {} not applied: unknown beneficiary or a later state is already recorded", value, beneficiaryId);
        }
    }

    /** Event time, then the rank of the state, so that two events in the same millisecond still order. */
    static long order(Instant at, int rank) {
        return at.toEpochMilli() * 10 + rank;
    }
}
