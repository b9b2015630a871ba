package id.go.kemensos.returnee.disbursement.batch;

import id.go.kemensos.returnee.contracts.disbursement.PaymentBatchDecided;
import id.go.kemensos.returnee.contracts.disbursement.PaymentBatchPrepared;
import id.go.kemensos.returnee.disbursement.budget.ProgramBudgets;
import id.go.kemensos.returnee.disbursement.ledger.PaymentLedger;
import id.go.kemensos.returnee.disbursement.payee.PayeeProjection;
import id.go.kemensos.returnee.disbursement.payment.Payment;
import id.go.kemensos.returnee.disbursement.payment.PaymentRepository;
import id.go.kemensos.returnee.messaging.Outbox;
import id.go.kemensos.returnee.messaging.TimeOrderedIds;
import id.go.kemensos.returnee.security.Refusal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Maker-checker batches. A finance officer prepares batches of a province's scheduled payments under a program year,
 * one per payee bank, reserving each payment's budget as it goes (what does not fit waits, with the reason); a second
 * officer approves a batch, which approves its payments for transfer, or rejects it, which returns them to the pool and
 * releases their budget. Nobody approves a batch they prepared.
 */
@Service
public class PaymentBatches {

    private static final Logger log = LoggerFactory.getLogger(PaymentBatches.class);

    public record Batch(
            UUID batchId,
            String programId,
            String cycleId,
            String provinceCode,
            String bankCode,
            String state,
            int payments,
            long total,
            String preparedBy,
            Instant preparedAt,
            String decidedBy,
            Instant decidedAt,
            String reason,
            String preparedByName,
            String decidedByName) {}

    private final JdbcTemplate jdbc;
    private final PaymentRepository payments;
    private final PayeeProjection payees;
    private final PaymentLedger ledger;
    private final ProgramBudgets budgets;
    private final Outbox outbox;
    private final Clock clock;

    PaymentBatches(
            JdbcTemplate jdbc,
            PaymentRepository payments,
            PayeeProjection payees,
            PaymentLedger ledger,
            ProgramBudgets budgets,
            Outbox outbox,
            Clock clock) {
        this.jdbc = jdbc;
        this.payments = payments;
        this.payees = payees;
        this.ledger = ledger;
        this.budgets = budgets;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Prepares the batches of a province's scheduled, unbatched payments of a program year; empty when there is nothing
     * to pay.
     */
    @Transactional
    public List<Batch> prepare(
            String programId, String cycleId, String provinceCode, String preparedBy, String preparedByName) {
        List<Payment> candidates = payments.lockBatchable(programId, cycleId, provinceCode);
        Map<UUID, PayeeProjection.Payee> payee = payees.find(candidates.stream()
                .filter(p -> p.checkedAccount() == null)
                .map(Payment::beneficiaryId)
                .toList());
        Map<String, List<Payment>> byBank = new LinkedHashMap<>();
        Optional<ProgramBudgets.Shortfall> provinceExhausted = Optional.empty();
        Map<String, ProgramBudgets.Shortfall> regencyExhausted = new HashMap<>();
        for (Payment payment : candidates) {
            String bank = PayeeProjection.bankOf(payment, payee.get(payment.beneficiaryId()));
            if (bank == null) {
                continue; // not registered here yet: it waits for its payee
            }
            String regency = payment.terms().regencyCode();
            Optional<ProgramBudgets.Shortfall> shortfall =
                    provinceExhausted.or(() -> Optional.ofNullable(regencyExhausted.get(regency)));
            if (shortfall.isEmpty()) {
                shortfall = budgets.reserve(payment);
                // In scheduling order, first come, first paid: nobody after fits a line that is used up.
                if (shortfall.isPresent() && shortfall.get().ofProvince()) {
                    provinceExhausted = shortfall;
                } else if (shortfall.isPresent()) {
                    regencyExhausted.put(regency, shortfall.get());
                }
            }
            if (shortfall.isPresent()) {
                ledger.awaitBudget(payment, shortfall.get().reason());
                continue;
            }
            byBank.computeIfAbsent(bank, b -> new ArrayList<>()).add(payment);
        }
        Instant now = clock.instant();
        List<Batch> batches = new ArrayList<>();
        byBank.forEach((bank, batched) -> {
            UUID batchId = TimeOrderedIds.next();
            long total = batched.stream().mapToLong(Payment::amount).sum();
            jdbc.update(
                    "INSERT INTO payment_batch (batch_id, program_id, cycle_id, province_code, bank_code, state, "
                            + "payments, total, "
                            + "prepared_by, prepared_at, prepared_by_name) VALUES (?, ?, ?, ?, ?, 'PREPARED', ?, ?, ?, ?, ?)",
                    batchId.toString(),
                    programId,
                    cycleId,
                    provinceCode,
                    bank,
                    batched.size(),
                    total,
                    preparedBy,
                    Timestamp.from(now),
                    preparedByName);
            batched.forEach(p -> p.addToBatch(batchId, now));
            payments.saveAll(batched);
            outbox.append(new PaymentBatchPrepared(
                    batchId,
                    programId,
                    cycleId,
                    provinceCode,
                    bank,
                    batched.stream().map(Payment::paymentId).toList(),
                    total,
                    preparedBy,
                    now));
            log.info(
                    "Batch {} prepared by {}: {} payments, Rp {}, {} {} bank {}",
                    batchId,
                    preparedBy,
                    batched.size(),
                    total,
                    programId,
                    provinceCode,
                    bank);
            batches.add(find(batchId).orElseThrow());
        });
        return batches;
    }

    @Transactional
    public Batch approve(UUID batchId, String approvedBy, String approvedByName) {
        Batch batch = lockPrepared(batchId);
        if (batch.preparedBy().equals(approvedBy)) {
            throw Refusal.forbidden("Petugas yang menyiapkan batch tidak boleh menyetujuinya (maker-checker) / "
                    + "The officer who prepared a batch cannot approve it");
        }
        for (Payment payment : payments.lockInBatch(batchId)) {
            ledger.approve(payment, approvedBy);
        }
        decide(batch, "APPROVED", approvedBy, approvedByName, null, clock.instant());
        return find(batchId).orElseThrow();
    }

    @Transactional
    public Batch reject(UUID batchId, String rejectedBy, String rejectedByName, String reason) {
        Batch batch = lockPrepared(batchId);
        if (batch.preparedBy().equals(rejectedBy)) {
            throw Refusal.forbidden(
                    "Petugas yang menyiapkan batch tidak boleh memutusnya / The officer who prepared a batch "
                            + "cannot decide it");
        }
        // Back in the pool, each regency's share back to its line; a payment whose payee amended the account while it
        // was
        // batched is checked again, on the new one.
        List<Payment> batched = payments.lockInBatch(batchId);
        batched.stream()
                .collect(Collectors.groupingBy(
                        p -> p.terms().regencyCode(), TreeMap::new, Collectors.summingLong(Payment::amount)))
                .forEach((regency, amount) ->
                        budgets.release(batch.programId(), batch.provinceCode(), regency, batch.cycleId(), amount));
        Map<UUID, PayeeProjection.Payee> payee =
                payees.find(batched.stream().map(Payment::beneficiaryId).toList());
        Instant now = clock.instant();
        batched.forEach(p -> p.leaveRejectedBatch(
                Optional.ofNullable(payee.get(p.beneficiaryId()))
                        .map(PayeeProjection.Payee::accountVersion)
                        .orElse(0),
                now));
        payments.saveAll(batched);
        decide(batch, "REJECTED", rejectedBy, rejectedByName, reason, now);
        return find(batchId).orElseThrow();
    }

    /**
     * Locks a batch's row before one of its payments is locked and changed outside it: approval takes the batch, then
     * its payments, and so must everyone else, or the two deadlock.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockForPaymentChange(UUID batchId) {
        jdbc.queryForList("SELECT batch_id FROM payment_batch WHERE batch_id = ? FOR UPDATE", batchId.toString());
    }

    /**
     * A payment left a prepared batch (the person declined the grant): the batch the checker decides holds one payment
     * and its amount less; its reservation was given back with the payment.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void withdraw(UUID batchId, long amount) {
        int changed = jdbc.update(
                "UPDATE payment_batch SET payments = payments - 1, total = total - ? WHERE batch_id = ? "
                        + "AND state = 'PREPARED'",
                amount,
                batchId.toString());
        if (changed != 1) {
            throw new IllegalStateException("Batch " + batchId + " is not prepared; its payment cannot leave it");
        }
        log.info("A payment of Rp {} left batch {}: the person declined the grant", amount, batchId);
    }

    public Optional<Batch> find(UUID batchId) {
        return jdbc
                .query("SELECT * FROM payment_batch WHERE batch_id = ?", (rs, n) -> batch(rs), batchId.toString())
                .stream()
                .findFirst();
    }

    public List<Batch> list(String provinceCode, String state) {
        return jdbc.query(
                "SELECT * FROM payment_batch WHERE province_code = ? AND (? IS NULL OR state = ?) ORDER BY "
                        + "prepared_at DESC",
                (rs, n) -> batch(rs),
                provinceCode,
                state,
                state);
    }

    private Batch lockPrepared(UUID batchId) {
        Batch batch = jdbc
                .query(
                        "SELECT * FROM payment_batch WHERE batch_id = ? FOR UPDATE",
                        (rs, n) -> batch(rs),
                        batchId.toString())
                .stream()
                .findFirst()
                .orElseThrow(() -> Refusal.notFound("Batch tidak ditemukan / no such batch: " + batchId));
        if (!"PREPARED".equals(batch.state())) {
            throw Refusal.conflict(
                    "Batch sudah diputus (" + batch.state() + " oleh " + batch.decidedBy() + ") / already decided");
        }
        return batch;
    }

    private void decide(Batch batch, String decision, String officer, String officerName, String reason, Instant now) {
        jdbc.update(
                "UPDATE payment_batch SET state = ?, decided_by = ?, decided_at = ?, reason = ?, decided_by_name = ?"
                        + " WHERE batch_id = ?",
                decision,
                officer,
                Timestamp.from(now),
                reason,
                officerName,
                batch.batchId().toString());
        outbox.append(new PaymentBatchDecided(
                batch.batchId(), decision, batch.preparedBy(), officer, reason, batch.payments(), batch.total(), now));
        log.info("Batch {} {} by {}", batch.batchId(), decision, officer);
    }

    private static Batch batch(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Batch(
                UUID.fromString(rs.getString("batch_id")),
                rs.getString("program_id"),
                rs.getString("cycle_id"),
                rs.getString("province_code"),
                rs.getString("bank_code"),
                rs.getString("state"),
                rs.getInt("payments"),
                rs.getLong("total"),
                rs.getString("prepared_by"),
                rs.getTimestamp("prepared_at").toInstant(),
                rs.getString("decided_by"),
                rs.getTimestamp("decided_at") == null
                        ? null
                        : rs.getTimestamp("decided_at").toInstant(),
                rs.getString("reason"),
                rs.getString("prepared_by_name"),
                rs.getString("decided_by_name"));
    }
}
