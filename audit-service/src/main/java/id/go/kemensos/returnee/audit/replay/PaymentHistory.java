package id.go.kemensos.returnee.audit.replay;

import id.go.kemensos.returnee.contracts.PlatformEvent;
import id.go.kemensos.returnee.contracts.disbursement.PaymentAccountChecked;
import id.go.kemensos.returnee.contracts.disbursement.PaymentApproved;
import id.go.kemensos.returnee.contracts.disbursement.PaymentAwaitingBudget;
import id.go.kemensos.returnee.contracts.disbursement.PaymentBatchDecided;
import id.go.kemensos.returnee.contracts.disbursement.PaymentBatchPrepared;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The disbursement history folded from disbursement events alone, in the order Kafka holds them (every event of one person is
 * on one partition, in order). Each event id counts once. The ledger's own rules are checked again on the way: a state change
 * from a state that does not allow it, an event for a payment never scheduled, or two live payments for one person and program
 * year are anomalies, reported rather than hidden.
 */
public final class PaymentHistory {

    private static final Map<String, Set<String>> ALLOWED_FROM = Map.of(
            "APPROVED", Set.of("SCHEDULED"),
            "SENT", Set.of("APPROVED"),
            "SETTLED", Set.of("SENT"),
            "FAILED", Set.of("SENT"),
            "RETURNED", Set.of("SETTLED"),
            "REISSUED", Set.of("FAILED", "RETURNED"));

    /** The events that take part in the fold; the rest of the topic (budgets, reconciliations) is read past. */
    public static final Set<Class<?>> FOLDED = Set.of(PaymentScheduled.class, PaymentBatchPrepared.class, PaymentBatchDecided.class,
            PaymentApproved.class, PaymentSent.class, PaymentSettled.class, PaymentFailed.class, PaymentReturned.class, PaymentReissued.class,
            PaymentAwaitingBudget.class, PaymentAccountChecked.class);

    private final Map<UUID, ReplayedPayment> payments = new HashMap<>();
    private final Map<UUID, List<UUID>> batches = new HashMap<>();
    private final Map<UUID, String> batchMakers = new HashMap<>();
    private final Set<UUID> seen = new HashSet<>();
    private final List<Anomaly> anomalies = new ArrayList<>();
    private long applied;
    private long duplicates;

    public record Anomaly(UUID paymentId, String kind, String detail) {
    }

    /** The report's grouping, as disbursement-service's live report groups it (program, province, regency, state). */
    public record TotalKey(String programId, String provinceCode, String regencyCode, String state) implements Comparable<TotalKey> {

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
                anomalies.add(new Anomaly(s.paymentId(), "SCHEDULED_TWICE", "payment " + s.paymentId() + " was scheduled again"));
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
            batches.put(b.batchId(), List.copyOf(b.paymentIds()));
            batchMakers.put(b.batchId(), b.preparedBy());
            for (UUID id : b.paymentIds()) {
                ReplayedPayment p = known(id, type);
                if (p != null) {
                    p.batchId = b.batchId();
                    p.preparedBy = b.preparedBy();
                    step(p, p.state, type, eventId, at, b.preparedBy(), "in batch " + b.batchId());
                }
            }
        } else if (event instanceof PaymentBatchDecided d) {
            for (UUID id : batches.getOrDefault(d.batchId(), List.of())) {
                ReplayedPayment p = payments.get(id);
                if (p != null && "REJECTED".equals(d.decision()) && "SCHEDULED".equals(p.state) && d.batchId().equals(p.batchId)) {
                    p.batchId = null;
                    p.preparedBy = null;
                }
                if (p != null) {
                    step(p, p.state, type, eventId, at, d.decidedBy(), "batch " + d.batchId() + " " + d.decision());
                }
            }
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
                move(p, "SENT", type, eventId, at, null, "bank " + s.bankCode() + " " + s.accountNumberMasked());
            } else if (event instanceof PaymentSettled s) {
                p.bankReference = s.bankReference();
                p.settledAt = s.settledAt();
                move(p, "SETTLED", type, eventId, at, null, "bank reference " + s.bankReference());
            } else if (event instanceof PaymentFailed f) {
                move(p, "FAILED", type, eventId, at, null, f.reasonCode() + ": " + f.reason());
            } else if (event instanceof PaymentReturned r) {
                move(p, "RETURNED", type, eventId, at, null, "returned, bank reference " + r.bankReference());
            } else if (event instanceof PaymentReissued r) {
                move(p, "REISSUED", type, eventId, at, r.requestedBy(), "replaced by " + r.newPaymentId() + ": " + r.reason());
                payments.computeIfAbsent(r.newPaymentId(), ReplayedPayment::new).reissueOf = p.paymentId;
            } else if (event instanceof PaymentAwaitingBudget w) {
                step(p, p.state, type, eventId, at, null, w.reason());
            } else if (event instanceof PaymentAccountChecked c) {
                step(p, p.state, type, eventId, at, null, c.result() + " " + c.bankCode() + " " + c.accountNumberMasked());
            }
        }
        return true;
    }

    private ReplayedPayment known(UUID paymentId, String type) {
        ReplayedPayment p = payments.get(paymentId);
        if (p == null || p.state == null) {
            anomalies.add(new Anomaly(paymentId, "NEVER_SCHEDULED", type + " for payment " + paymentId + ", which no PaymentScheduled announced"));
            return null;
        }
        return p;
    }

    private void move(ReplayedPayment p, String to, String type, UUID eventId, Instant at, String by, String detail) {
        if (!ALLOWED_FROM.get(to).contains(p.state)) {
            anomalies.add(new Anomaly(p.paymentId, "INVALID_TRANSITION", type + " moved payment " + p.paymentId + " from " + p.state + " to " + to));
        }
        p.state = to;
        step(p, to, type, eventId, at, by, detail);
    }

    private static void step(ReplayedPayment p, String state, String type, UUID eventId, Instant at, String by, String detail) {
        p.history.add(new ReplayedPayment.Transition(p.history.size() + 1, state, type, eventId, at, by, detail));
        p.lastEventAt = at;
    }

    /** Counts and totals by program, province, regency and state, every payment counted once in its latest state. */
    public Map<TotalKey, Total> totals() {
        Map<TotalKey, Total> totals = new TreeMap<>();
        for (ReplayedPayment p : payments.values()) {
            if (p.state != null) {
                totals.merge(new TotalKey(p.programId, p.provinceCode, p.regencyCode, p.state), new Total(1, p.amount),
                        (a, b) -> new Total(a.payments() + b.payments(), a.total() + b.total()));
            }
        }
        return totals;
    }

    /** The anomalies met while folding, and after it: more than one live (not reissued) payment for one person and program year. */
    public List<Anomaly> anomalies() {
        List<Anomaly> all = new ArrayList<>(anomalies);
        Map<String, UUID> live = new HashMap<>();
        for (ReplayedPayment p : payments.values()) {
            if (p.state == null || "REISSUED".equals(p.state)) {
                continue;
            }
            UUID other = live.putIfAbsent(p.programId + "/" + p.cycleId + "/" + p.beneficiaryId, p.paymentId);
            if (other != null) {
                all.add(new Anomaly(p.paymentId, "TWO_LIVE_PAYMENTS", "payments " + other + " and " + p.paymentId + " are both live for beneficiary "
                        + p.beneficiaryId + " under " + p.programId + " " + p.cycleId));
            }
        }
        return all;
    }

    public Collection<ReplayedPayment> payments() {
        return payments.values().stream().filter(p -> p.state != null).toList();
    }

    public long applied() {
        return applied;
    }

    public long duplicates() {
        return duplicates;
    }
}
