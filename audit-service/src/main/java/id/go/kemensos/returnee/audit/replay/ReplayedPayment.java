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
    String preparedBy;
    String approvedBy;
    String bankCode;
    String accountNumberMasked;
    String bankReference;
    UUID reissueOf;
    Instant scheduledAt;
    Instant settledAt;
    Instant lastEventAt;
    final List<Transition> history = new ArrayList<>(6);

    ReplayedPayment(UUID paymentId) {
        this.paymentId = paymentId;
    }

    /** A step of the payment's history: a new state, or an event that kept the state (awaiting budget, account checked, batched). */
    public record Transition(int step, String state, String eventType, UUID eventId, Instant at, String by, String detail) {
    }

    public UUID paymentId() { return paymentId; }
    public UUID beneficiaryId() { return beneficiaryId; }
    public String programId() { return programId; }
    public String cycleId() { return cycleId; }
    public UUID decisionId() { return decisionId; }
    public long amount() { return amount; }
    public String provinceCode() { return provinceCode; }
    public String regencyCode() { return regencyCode; }
    public String state() { return state; }
    public UUID batchId() { return batchId; }
    public String preparedBy() { return preparedBy; }
    public String approvedBy() { return approvedBy; }
    public String bankCode() { return bankCode; }
    public String accountNumberMasked() { return accountNumberMasked; }
    public String bankReference() { return bankReference; }
    public UUID reissueOf() { return reissueOf; }
    public Instant scheduledAt() { return scheduledAt; }
    public Instant settledAt() { return settledAt; }
    public Instant lastEventAt() { return lastEventAt; }
    public List<Transition> history() { return history; }
}
