package id.go.kemensos.returnee.audit.ledger;

import id.go.kemensos.returnee.audit.AuditProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Recomputes the ledger's hash chain from its first row and names what does not hold; on a schedule too, so that a
 * broken chain raises an alert ({@code platform_audit_chain_intact} 0) before an auditor asks.
 */
@Service
public class ChainVerifier implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(ChainVerifier.class);

    private static final int MAX_FINDINGS = 100;

    private final AuditLedger ledger;
    private final LedgerSeals seals;

    private final Clock clock;
    private final boolean command;
    /** The last verification's outcome: 1 intact, 0 broken, NaN before the first. */
    private volatile double intact = Double.NaN;

    private volatile double rowsChecked = Double.NaN;
    private volatile double verifiedAt = Double.NaN;

    public ChainVerifier(AuditLedger ledger, LedgerSeals seals, Clock clock, AuditProperties properties) {
        this.ledger = ledger;
        this.seals = seals;
        this.clock = clock;
        this.command = properties.command() != null;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("platform.audit.chain.intact", this, v -> v.intact)
                .description("1 when the last verification found the ledger's chain and seals intact, 0 when broken")
                .register(registry);
        Gauge.builder("platform.audit.chain.verified.rows", this, v -> v.rowsChecked)
                .description("Rows the last verification checked")
                .register(registry);
        Gauge.builder("platform.audit.chain.verified.at", this, v -> v.verifiedAt)
                .baseUnit("seconds")
                .description("When the chain was last verified (seconds since the epoch)")
                .register(registry);
    }

    @Scheduled(fixedDelayString = "${audit.verify-interval:PT10M}", initialDelayString = "PT1M")
    public void verifyOnSchedule() {
        if (command) {
            return; // a verify or replay command verifies once, itself
        }
        ChainVerification result = verify();
        if (!result.intact()) {
            log.error(
                    "The audit ledger's chain is broken: {} finding(s), the first at row {} ({})",
                    result.findings().size(),
                    result.firstBroken().seq(),
                    result.firstBroken().kind());
        }
    }

    /** Verifies the whole chain now; the outcome is also the metrics' until the next verification. */
    public ChainVerification verify() {
        ChainVerification result = verifyNow();
        intact = result.intact() ? 1 : 0;
        rowsChecked = result.rowsChecked();
        verifiedAt = clock.millis() / 1000.0;
        return result;
    }

    private ChainVerification verifyNow() {
        Map<Long, String> sealed = new HashMap<>();
        String sealsUnavailable = null;
        try {
            seals.published().forEach((seq, seal) -> sealed.put(seq, seal.hash()));
        } catch (RuntimeException e) {
            sealsUnavailable = "the seals on Kafka could not be read: " + e.getMessage();
        }
        AuditLedger.Head head = ledger.head();
        // Rows appended while this runs lie beyond the head read here; the next verification covers them.
        return verify(after -> ledger.pageAfter(after, head.seq()), head, sealed, sealsUnavailable);
    }

    /**
     * Walks the rows page by page (each page the rows after a sequence number, in order), checks them against the head,
     * and each sealed row against its seal.
     */
    static ChainVerification verify(
            LongFunction<List<AuditEntry>> pagesAfter,
            AuditLedger.Head head,
            Map<Long, String> sealed,
            String sealsUnavailable) {
        long sealsChecked = 0;
        List<ChainVerification.Finding> findings = new ArrayList<>();
        long expected = 1;
        long checked = 0;
        String previousHash = AuditEntry.GENESIS;
        boolean afterGap = false;
        long last = 0;
        List<AuditEntry> page = pagesAfter.apply(0);
        while (!page.isEmpty()) {
            for (AuditEntry row : page) {
                checked++;
                if (row.seq() != expected) {
                    add(
                            findings,
                            new ChainVerification.Finding(
                                    expected,
                                    ChainVerification.Kind.DELETED,
                                    null,
                                    row.seq() - expected == 1
                                            ? "row " + expected + " is missing"
                                            : "rows " + expected + " to " + (row.seq() - 1) + " are missing"));
                    afterGap = true;
                }
                if (!afterGap && !row.prevHash().equals(previousHash)) {
                    add(
                            findings,
                            new ChainVerification.Finding(
                                    row.seq(),
                                    ChainVerification.Kind.OUT_OF_ORDER,
                                    row.eventId(),
                                    "row " + row.seq() + " does not follow row " + (row.seq() - 1)
                                            + ": it was inserted or moved here, or the row before it was rewritten"));
                } else if (!hashHolds(row)) {
                    add(
                            findings,
                            new ChainVerification.Finding(
                                    row.seq(),
                                    ChainVerification.Kind.EDITED,
                                    row.eventId(),
                                    "row " + row.seq() + " no longer matches its hash: its contents were changed"));
                }
                String seal = sealed.get(row.seq());
                if (seal != null) {
                    sealsChecked++;
                    if (!seal.equals(row.hash())) {
                        add(
                                findings,
                                new ChainVerification.Finding(
                                        row.seq(),
                                        ChainVerification.Kind.SEAL_MISMATCH,
                                        row.eventId(),
                                        "row " + row.seq()
                                                + " does not have the hash sealed for it on Kafka: the chain up to "
                                                + "this row was rewritten"));
                    }
                }
                afterGap = false;
                previousHash = row.hash();
                expected = row.seq() + 1;
                last = row.seq();
            }
            page = pagesAfter.apply(last);
        }
        if (head.seq() > last) {
            add(
                    findings,
                    new ChainVerification.Finding(
                            last + 1,
                            ChainVerification.Kind.TRUNCATED,
                            null,
                            "the chain's head is row " + head.seq() + " but the ledger ends at row " + last));
        } else if (head.seq() == last && !head.hash().equals(previousHash)) {
            add(
                    findings,
                    new ChainVerification.Finding(
                            last,
                            ChainVerification.Kind.EDITED,
                            null,
                            "the last row's hash is not the chain's recorded head"));
        }
        // Seals are read before the head, and the head only grows: a seal beyond the ledger's last row means rows were
        // cut off,
        // even if the head was moved back with them.
        for (long seq : sealed.keySet()) {
            if (seq > last) {
                add(
                        findings,
                        new ChainVerification.Finding(
                                seq,
                                ChainVerification.Kind.TRUNCATED,
                                null,
                                "row " + seq + " was sealed on Kafka but is not in the ledger"));
            }
        }
        return new ChainVerification(
                findings.isEmpty(),
                checked,
                head.seq(),
                head.hash(),
                sealsChecked,
                sealsUnavailable,
                findings.isEmpty() ? null : findings.get(0),
                List.copyOf(findings));
    }

    private static boolean hashHolds(AuditEntry row) {
        try {
            return row.computeHash().equals(row.hash());
        } catch (IllegalArgumentException e) {
            return false; // a previous hash that is not hex at all
        }
    }

    private static void add(List<ChainVerification.Finding> findings, ChainVerification.Finding finding) {
        if (findings.size() < MAX_FINDINGS) {
            findings.add(finding);
        }
    }
}
