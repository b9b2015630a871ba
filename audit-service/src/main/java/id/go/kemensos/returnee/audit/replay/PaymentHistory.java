package id.go.kemensos.returnee.audit.replay;

import id.go.kemensos.returnee.contracts.PlatformEvent;
import id.go.kemensos.returnee.contracts.disbursement.CashClaimExpired;
import id.go.kemensos.returnee.contracts.disbursement.CashClaimIssued;
import id.go.kemensos.returnee.contracts.disbursement.CollectiveAccountOpened;
import id.go.kemensos.returnee.contracts.disbursement.PaymentAccountChecked;
import id.go.kemensos.returnee.contracts.disbursement.PaymentApproved;
import id.go.kemensos.returnee.contracts.disbursement.PaymentAwaitingBudget;
import id.go.kemensos.returnee.contracts.disbursement.PaymentBatchDecided;
import id.go.kemensos.returnee.contracts.disbursement.PaymentBatchPrepared;
import id.go.kemensos.returnee.contracts.disbursement.PaymentCancelled;
import id.go.kemensos.returnee.contracts.disbursement.PaymentChannel;
import id.go.kemensos.returnee.contracts.disbursement.PaymentEvent;
import id.go.kemensos.returnee.contracts.disbursement.PaymentFailed;
import id.go.kemensos.returnee.contracts.disbursement.PaymentReissued;
import id.go.kemensos.returnee.contracts.disbursement.PaymentReturned;
import id.go.kemensos.returnee.contracts.disbursement.PaymentScheduled;
import id.go.kemensos.returnee.contracts.disbursement.PaymentSent;
import id.go.kemensos.returnee.contracts.disbursement.PaymentSettled;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The disbursement history folded from disbursement events alone, in the order Kafka holds them (every event of one
 * person is on one partition, in order). Each event id counts once. The ledger's own rules are checked again on the
 * way: a state change from a state that does not allow it, an event for a payment never scheduled, or two live payments
 * for one person and program year are anomalies, reported rather than hidden.
 */
public final class PaymentHistory {

    private static final Map<String, Set<String>> ALLOWED_FROM = Map.of(
            "APPROVED", Set.of("SCHEDULED"),
            "SENT", Set.of("APPROVED"),
            "SETTLED", Set.of("SENT"),
            "FAILED", Set.of("SENT"),
            "RETURNED", Set.of("SETTLED", "SENT"), // a credit the bank returned, or cash nobody collected
            "REISSUED", Set.of("FAILED", "RETURNED"),
            "CANCELLED", Set.of("SCHEDULED", "APPROVED"));

    /** The events that take part in the fold; the rest of the topic (budgets, reconciliations) is read past. */
    public static final Set<Class<?>> FOLDED = Set.of(
            PaymentScheduled.class,
            PaymentBatchPrepared.class,
            PaymentBatchDecided.class,
            PaymentApproved.class,
            PaymentSent.class,
            PaymentSettled.class,
            PaymentFailed.class,
            PaymentReturned.class,
            PaymentReissued.class,
            PaymentCancelled.class,
            CashClaimIssued.class,
            CashClaimExpired.class,
            CollectiveAccountOpened.class,
            PaymentAwaitingBudget.class,
            PaymentAccountChecked.class);

    private Map<UUID, ReplayedPayment> payments;
    private final List<BatchStep> prepared = new ArrayList<>();
    private final Map<UUID, BatchStep> decided = new HashMap<>();
    private boolean finished;
    private final EventIds seen;
    private final List<Anomaly> anomalies = new ArrayList<>();
    private long applied;
    private long duplicates;

    public record Anomaly(UUID paymentId, String kind, String detail) {}

    private record BatchStep(
            UUID eventId, UUID batchId, List<UUID> paymentIds, String by, String decision, Instant at) {}

    /** The report's grouping, as disbursement-service's live report groups it (program, province, regency, state). */
    public record TotalKey(String programId, String provinceCode, String regencyCode, String state)
            implements Comparable<TotalKey> {

        @Override
        public int compareTo(TotalKey o) {
            int c = programId.compareTo(o.programId);
            c = c != 0 ? c : provinceCode.compareTo(o.provinceCode);
            c = c != 0 ? c : regencyCode.compareTo(o.regencyCode);
            return c != 0 ? c : state.compareTo(o.state);
        }
    }

    public record Total(long payments, long total) {

        Total plus(long amount) {
            return new Total(payments + 1, total + amount);
        }
    }

    public PaymentHistory() {
        this(1 << 16);
    }

    /**
     * @param expectedEvents about how many events will be applied: the tables are sized for them at once (growing them
     * step by step was 6% of the folding of 1,000,000 events), up to 4 million events (32 MB of table): a small heap
     * must still be able to start a replay of a long history
     */
    public PaymentHistory(long expectedEvents) {
        long events = Math.max(16, Math.min(expectedEvents, 1 << 22));
        this.seen = new EventIds(events);
        this.payments = new HashMap<>((int) (events / 4 / 0.75) + 1); // a paid payment has five events at least
    }

    /** Applies one event; returns false when its id was already applied (a redelivery). */
    public boolean apply(UUID eventId, PlatformEvent event, Instant at) {
        if (!seen.add(eventId)) {
            duplicates++;
            return false;
        }
        applied++;
        String type = event.getClass().getSimpleName();
        if (event instanceof PaymentScheduled s) {
            ReplayedPayment p = payments.computeIfAbsent(s.paymentId(), ReplayedPayment::new);
            if (p.state != null) {
                anomalies.add(new Anomaly(
                        s.paymentId(), "SCHEDULED_TWICE", "payment " + s.paymentId() + " was scheduled again"));
            }
            p.beneficiaryId = s.beneficiaryId();
            p.programId = s.programId();
            p.cycleId = s.cycleId();
            p.decisionId = s.decisionId();
            p.amount = s.amount();
            p.provinceCode = s.provinceCode();
            p.regencyCode = s.regencyCode();
            p.scheduledAt = s.scheduledAt();
            p.state = "SCHEDULED";
            step(p, "SCHEDULED", type, eventId, at, null, "Rp" + s.amount() + " under decision " + s.decisionId());
        } else if (event instanceof PaymentBatchPrepared b) {
            // Batch events are keyed by the batch, so they sit on other partitions than their payments' events and are
            // read in
            // no fixed order with them: they are joined to the payments once everything is read (finish).
            prepared.add(new BatchStep(eventId, b.batchId(), b.paymentIds(), b.preparedBy(), null, at));
        } else if (event instanceof PaymentBatchDecided d) {
            decided.put(d.batchId(), new BatchStep(eventId, d.batchId(), null, d.decidedBy(), d.decision(), at));
        } else if (event instanceof PaymentEvent e) {
            ReplayedPayment p = known(e.paymentId(), type);
            if (p == null) {
                return true;
            }
            if (event instanceof PaymentApproved a) {
                move(p, "APPROVED", type, eventId, at, a.approvedBy(), null);
                p.approvedBy = a.approvedBy();
            } else if (event instanceof PaymentSent s) {
                p.bankCode = s.bankCode();
                p.accountNumberMasked = s.accountNumberMasked();
                move(
                        p,
                        "SENT",
                        type,
                        eventId,
                        at,
                        null,
                        PaymentChannel.orTransfer(s.channel()) == PaymentChannel.POS_CASH
                                ? "PT Pos, to be collected in cash"
                                : "bank " + s.bankCode() + " " + s.accountNumberMasked());
            } else if (event instanceof CashClaimIssued c) {
                p.bankReference = c.posReference();
                step(p, p.state, type, eventId, at, null, "at the post office until " + c.claimDeadline());
            } else if (event instanceof CollectiveAccountOpened o) {
                step(
                        p,
                        p.state,
                        type,
                        eventId,
                        at,
                        null,
                        "account opened by bank " + o.bankCode() + " " + o.accountNumberMasked() + " (request "
                                + o.openingReference() + ")");
            } else if (event instanceof CashClaimExpired x) {
                move(p, "RETURNED", type, eventId, at, null, "not collected by " + x.claimDeadline());
            } else if (event instanceof PaymentSettled s) {
                p.bankReference = s.bankReference();
                p.settledAt = s.settledAt();
                move(p, "SETTLED", type, eventId, at, null, "bank reference " + s.bankReference());
            } else if (event instanceof PaymentFailed f) {
                move(p, "FAILED", type, eventId, at, null, f.reasonCode() + ": " + f.reason());
            } else if (event instanceof PaymentReturned r) {
                move(p, "RETURNED", type, eventId, at, null, "returned, bank reference " + r.bankReference());
            } else if (event instanceof PaymentCancelled c) {
                p.withdrawnFromBatch = c.withdrawnFromBatch();
                move(p, "CANCELLED", type, eventId, at, null, c.reason());
            } else if (event instanceof PaymentReissued r) {
                move(
                        p,
                        "REISSUED",
                        type,
                        eventId,
                        at,
                        r.requestedBy(),
                        "replaced by " + r.newPaymentId() + ": " + r.reason());
                payments.computeIfAbsent(r.newPaymentId(), ReplayedPayment::new).reissueOf = p.paymentId;
            } else if (event instanceof PaymentAwaitingBudget w) {
                step(p, p.state, type, eventId, at, null, w.reason());
            } else if (event instanceof PaymentAccountChecked c) {
                step(p, p.state, type, eventId, at, null, c.result() + " " + c.accountText());
            }
        }
        return true;
    }

    private ReplayedPayment known(UUID paymentId, String type) {
        ReplayedPayment p = payments.get(paymentId);
        if (p == null || p.state == null) {
            anomalies.add(new Anomaly(
                    paymentId,
                    "NEVER_SCHEDULED",
                    type + " for payment " + paymentId + ", which no PaymentScheduled announced"));
            return null;
        }
        return p;
    }

    private void move(ReplayedPayment p, String to, String type, UUID eventId, Instant at, String by, String detail) {
        if (!ALLOWED_FROM.get(to).contains(p.state)) {
            anomalies.add(new Anomaly(
                    p.paymentId,
                    "INVALID_TRANSITION",
                    type + " moved payment " + p.paymentId + " from " + p.state + " to " + to));
        }
        p.state = to;
        step(p, to, type, eventId, at, by, detail);
    }

    private static void step(
            ReplayedPayment p, String state, String type, UUID eventId, Instant at, String by, String detail) {
        p.steps.add(new ReplayedPayment.Step(state, type, eventId, at, by, detail));
        p.lastEventAt = at;
    }

    /**
     * Takes in what another fold read (other partitions: their payments are disjoint from this one's); the other is not
     * used after.
     */
    public void merge(PaymentHistory other) {
        if (payments.isEmpty()) {
            payments = other.payments; // the first fold's table is taken over, not copied entry by entry
        } else {
            payments.putAll(other.payments);
        }
        prepared.addAll(other.prepared);
        decided.putAll(other.decided);
        anomalies.addAll(other.anomalies);
        applied += other.applied;
        duplicates += other.duplicates;
    }

    /**
     * Joins the batches to their payments (a payment's batch is the last one prepared for it that was not rejected),
     * each batch step in its place in time among the payment's own steps. Call once, after the last event.
     */
    public PaymentHistory finish() {
        if (finished) {
            return this;
        }
        finished = true;
        prepared.sort(java.util.Comparator.comparing(BatchStep::at));
        for (BatchStep batch : prepared) {
            BatchStep decision = decided.get(batch.batchId());
            for (UUID id : batch.paymentIds()) {
                ReplayedPayment p = payments.get(id);
                if (p == null || p.state == null) {
                    anomalies.add(new Anomaly(
                            id,
                            "NEVER_SCHEDULED",
                            "batch " + batch.batchId() + " holds payment " + id
                                    + ", which no PaymentScheduled announced"));
                    continue;
                }
                p.insertInTimeOrder(new ReplayedPayment.Step(
                        null,
                        "PaymentBatchPrepared",
                        batch.eventId(),
                        batch.at(),
                        batch.by(),
                        "in batch " + batch.batchId()));
                if (batch.batchId().equals(p.withdrawnFromBatch)) {
                    continue; // cancelled while the batch waited for its checker: the decision was not about it
                }
                if (decision != null) {
                    p.insertInTimeOrder(new ReplayedPayment.Step(
                            null,
                            "PaymentBatchDecided",
                            decision.eventId(),
                            decision.at(),
                            decision.by(),
                            "batch " + batch.batchId() + " " + decision.decision()));
                }
                if (decision == null || !"REJECTED".equals(decision.decision())) {
                    p.batchId = batch.batchId();
                    p.preparedBy = batch.by();
                }
            }
        }
        return this;
    }

    /** Counts and totals by program, province, regency and state, every payment counted once in its latest state. */
    public Map<TotalKey, Total> totals() {
        finish();
        Map<TotalKey, Total> totals = new TreeMap<>();
        for (ReplayedPayment p : payments.values()) {
            if (p.state != null) {
                totals.merge(
                        new TotalKey(p.programId, p.provinceCode, p.regencyCode, p.state),
                        new Total(1, p.amount),
                        (a, b) -> new Total(a.payments() + b.payments(), a.total() + b.total()));
            }
        }
        return totals;
    }

    /**
     * The anomalies met while folding, and after it: more than one live (not reissued) payment for one person and
     * program year.
     */
    public List<Anomaly> anomalies() {
        finish();
        List<Anomaly> all = new ArrayList<>(anomalies);
        Map<String, UUID> live = new HashMap<>();
        for (ReplayedPayment p : payments.values()) {
            if (p.state == null || "REISSUED".equals(p.state)) {
                continue;
            }
            UUID other = live.putIfAbsent(p.programId + "/" + p.cycleId + "/" + p.beneficiaryId, p.paymentId);
            if (other != null) {
                all.add(new Anomaly(
                        p.paymentId,
                        "TWO_LIVE_PAYMENTS",
                        "payments " + other + " and " + p.paymentId + " are both live for beneficiary "
                                + p.beneficiaryId + " under " + p.programId + " " + p.cycleId));
            }
        }
        return all;
    }

    public Collection<ReplayedPayment> payments() {
        finish();
        return payments.values().stream().filter(p -> p.state != null).toList();
    }

    public long applied() {
        return applied;
    }

    public long duplicates() {
        return duplicates;
    }
}
