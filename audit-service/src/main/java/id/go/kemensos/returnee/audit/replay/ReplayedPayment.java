package id.go.kemensos.returnee.audit.replay;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One payment intent as the disbursement events describe it, with every state it went through. */
public final class ReplayedPayment {

    final UUID paymentId;
    UUID beneficiaryId;
    String programId;
    String cycleId;
    UUID decisionId;
    long amount;
    String provinceCode;
    String regencyCode;
    String state;
    UUID batchId;
    /** The prepared batch it left when it was cancelled, whose decision then was not about it. */
    UUID withdrawnFromBatch;

    String preparedBy;
    String approvedBy;
    String bankCode;
    String accountNumberMasked;
    String bankReference;
    UUID reissueOf;
    Instant scheduledAt;
    Instant settledAt;
    Instant lastEventAt;
    /** The steps as folded; a null state means "unchanged" (batch steps, joined after the fold). */
    final List<Step> steps = new ArrayList<>(8);

    ReplayedPayment(UUID paymentId) {
        this.paymentId = paymentId;
    }

    /**
     * A step of the payment's history: a new state, or an event that kept the state (awaiting budget, account checked,
     * batched).
     */
    public record Transition(
            int step, String state, String eventType, UUID eventId, Instant at, String by, String detail) {}

    record Step(String state, String eventType, UUID eventId, Instant at, String by, String detail) {}

    /** Puts a step read from another partition (a batch's) after every step that happened before or at its time. */
    void insertInTimeOrder(Step step) {
        int i = steps.size();
        while (i > 0
                && step.at() != null
                && steps.get(i - 1).at() != null
                && steps.get(i - 1).at().isAfter(step.at())) {
            i--;
        }
        steps.add(i, step);
        if (i == steps.size() - 1) {
            lastEventAt = step.at();
        }
    }

    public UUID paymentId() {
        return paymentId;
    }

    public UUID beneficiaryId() {
        return beneficiaryId;
    }

    public String programId() {
        return programId;
    }

    public String cycleId() {
        return cycleId;
    }

    public UUID decisionId() {
        return decisionId;
    }

    public long amount() {
        return amount;
    }

    public String provinceCode() {
        return provinceCode;
    }

    public String regencyCode() {
        return regencyCode;
    }

    public String state() {
        return state;
    }

    public UUID batchId() {
        return batchId;
    }

    public String preparedBy() {
        return preparedBy;
    }

    public String approvedBy() {
        return approvedBy;
    }

    public String bankCode() {
        return bankCode;
    }

    public String accountNumberMasked() {
        return accountNumberMasked;
    }

    public String bankReference() {
        return bankReference;
    }

    public UUID reissueOf() {
        return reissueOf;
    }

    public Instant scheduledAt() {
        return scheduledAt;
    }

    public Instant settledAt() {
        return settledAt;
    }

    public Instant lastEventAt() {
        return lastEventAt;
    }
    /** The steps numbered from 1, each with the state the payment was in after it. */
    public List<Transition> history() {
        List<Transition> history = new ArrayList<>(steps.size());
        String current = null;
        for (Step s : steps) {
            current = s.state() != null ? s.state() : current;
            history.add(new Transition(
                    history.size() + 1, current, s.eventType(), s.eventId(), s.at(), s.by(), s.detail()));
        }
        return history;
    }
}
