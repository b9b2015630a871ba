package id.go.kemensos.returnee.audit.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {

    private static final int ROWS = 20;

    @Test
    void anUntouchedChainIsIntact() {
        List<AuditEntry> rows = chain(ROWS);
        ChainVerification result = verify(rows, head(rows));
        assertThat(result.intact()).isTrue();
        assertThat(result.rowsChecked()).isEqualTo(ROWS);
        assertThat(result.firstBroken()).isNull();
    }

    @Test
    void anEditedRowIsNamed() {
        List<AuditEntry> rows = chain(ROWS);
        AuditLedger.Head head = head(rows);
        AuditEntry row = rows.get(6);
        rows.set(
                6,
                new AuditEntry(
                        row.seq(),
                        row.eventId(),
                        row.topic(),
                        row.partition(),
                        row.offset(),
                        row.key(),
                        row.type(),
                        row.source(),
                        row.subject(),
                        row.time(),
                        row.data().replace("960000", "9600000"),
                        row.prevHash(),
                        row.hash()));
        ChainVerification result = verify(rows, head);
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBroken().seq()).isEqualTo(7);
        assertThat(result.firstBroken().kind()).isEqualTo(ChainVerification.Kind.EDITED);
        assertThat(result.findings()).hasSize(1);
    }

    @Test
    void anEditedRowWhoseHashWasRecomputedBreaksTheNextLink() {
        List<AuditEntry> rows = chain(ROWS);
        AuditLedger.Head head = head(rows);
        AuditEntry row = rows.get(6);
        AuditEntry forged = new AuditEntry(
                        row.seq(),
                        row.eventId(),
                        row.topic(),
                        row.partition(),
                        row.offset(),
                        row.key(),
                        row.type(),
                        row.source(),
                        row.subject(),
                        row.time(),
                        row.data().replace("960000", "9600000"),
                        null,
                        null)
                .withChain(row.prevHash());
        rows.set(6, forged);
        ChainVerification result = verify(rows, head);
        assertThat(result.firstBroken().seq()).isEqualTo(8);
        assertThat(result.firstBroken().kind()).isEqualTo(ChainVerification.Kind.OUT_OF_ORDER);
    }

    @Test
    void aDeletedRowIsNamed() {
        List<AuditEntry> rows = chain(ROWS);
        AuditLedger.Head head = head(rows);
        rows.remove(11);
        ChainVerification result = verify(rows, head);
        assertThat(result.firstBroken().seq()).isEqualTo(12);
        assertThat(result.firstBroken().kind()).isEqualTo(ChainVerification.Kind.DELETED);
        assertThat(result.findings()).hasSize(1);
    }

    @Test
    void deletingTheLastRowsIsSeenAgainstTheHead() {
        List<AuditEntry> rows = chain(ROWS);
        AuditLedger.Head head = head(rows);
        rows.remove(ROWS - 1);
        ChainVerification result = verify(rows, head);
        assertThat(result.firstBroken().seq()).isEqualTo(ROWS);
        assertThat(result.firstBroken().kind()).isEqualTo(ChainVerification.Kind.TRUNCATED);
    }

    @Test
    void twoRowsSwappedAreNamedAtTheFirst() {
        List<AuditEntry> rows = chain(ROWS);
        AuditLedger.Head head = head(rows);
        AuditEntry fourth = rows.get(3);
        AuditEntry fifth = rows.get(4);
        // The rows keep their places (seq) but trade contents, hashes included: what a reorder in the table looks like.
        rows.set(3, withSeq(fifth, 4));
        rows.set(4, withSeq(fourth, 5));
        ChainVerification result = verify(rows, head);
        assertThat(result.firstBroken().seq()).isEqualTo(4);
        assertThat(result.firstBroken().kind()).isEqualTo(ChainVerification.Kind.OUT_OF_ORDER);
    }

    @Test
    void aRowInsertedIntoTheChainIsNamed() {
        List<AuditEntry> rows = chain(ROWS);
        AuditLedger.Head head = head(rows);
        List<AuditEntry> shifted = new ArrayList<>(rows.subList(0, 9));
        shifted.add(entry(10, "inserted").withChain(rows.get(8).hash()));
        for (AuditEntry later : rows.subList(9, ROWS - 1)) {
            shifted.add(withSeq(later, later.seq() + 1));
        }
        ChainVerification result = verify(shifted, head);
        assertThat(result.firstBroken().seq()).isEqualTo(11);
        assertThat(result.firstBroken().kind()).isEqualTo(ChainVerification.Kind.OUT_OF_ORDER);
    }

    @Test
    void aChainRewrittenWithEveryHashAndTheHeadIsCaughtByItsSealOnKafka() {
        List<AuditEntry> rows = chain(ROWS);
        Map<Long, String> seals =
                Map.of(5L, rows.get(4).hash(), 15L, rows.get(14).hash());
        // Row 8 edited, then every hash from there recomputed and the head moved: the chain alone holds.
        List<AuditEntry> rewritten = new ArrayList<>(rows.subList(0, 7));
        String previous = rows.get(6).hash();
        for (AuditEntry row : rows.subList(7, ROWS)) {
            String data = row.seq() == 8 ? row.data().replace("960000", "9600000") : row.data();
            AuditEntry forged = new AuditEntry(
                            row.seq(),
                            row.eventId(),
                            row.topic(),
                            row.partition(),
                            row.offset(),
                            row.key(),
                            row.type(),
                            row.source(),
                            row.subject(),
                            row.time(),
                            data,
                            null,
                            null)
                    .withChain(previous);
            rewritten.add(forged);
            previous = forged.hash();
        }
        AuditLedger.Head forgedHead = head(rewritten);
        assertThat(verify(rewritten, forgedHead).intact())
                .as("without seals nothing shows")
                .isTrue();

        ChainVerification result = verify(rewritten, forgedHead, seals);
        assertThat(result.intact()).isFalse();
        assertThat(result.sealsChecked()).isEqualTo(2);
        assertThat(result.firstBroken().seq())
                .as("the first sealed row after the edit")
                .isEqualTo(15);
        assertThat(result.firstBroken().kind()).isEqualTo(ChainVerification.Kind.SEAL_MISMATCH);
        assertThat(verify(rows, head(rows), seals).intact()).isTrue();
    }

    @Test
    void sealedRowsCutOffTheEndAreMissed() {
        List<AuditEntry> rows = chain(ROWS);
        Map<Long, String> seals = Map.of(18L, rows.get(17).hash());
        List<AuditEntry> cut = new ArrayList<>(rows.subList(0, 16));
        ChainVerification result = verify(cut, head(cut), seals);
        assertThat(result.firstBroken().seq()).isEqualTo(18);
        assertThat(result.firstBroken().kind()).isEqualTo(ChainVerification.Kind.TRUNCATED);
    }

    @Test
    void canonicalBytesTellFieldsApart() {
        AuditEntry a = new AuditEntry(1, "e", "t", 0, 0, "ab", "c", null, null, null, "{}", AuditEntry.GENESIS, null);
        AuditEntry b = new AuditEntry(1, "e", "t", 0, 0, "a", "bc", null, null, null, "{}", AuditEntry.GENESIS, null);
        assertThat(a.computeHash()).isNotEqualTo(b.computeHash());
    }

    private static AuditEntry withSeq(AuditEntry e, long seq) {
        return new AuditEntry(
                seq,
                e.eventId(),
                e.topic(),
                e.partition(),
                e.offset(),
                e.key(),
                e.type(),
                e.source(),
                e.subject(),
                e.time(),
                e.data(),
                e.prevHash(),
                e.hash());
    }

    private static ChainVerification verify(List<AuditEntry> rows, AuditLedger.Head head) {
        return verify(rows, head, Map.of());
    }

    private static ChainVerification verify(List<AuditEntry> rows, AuditLedger.Head head, Map<Long, String> seals) {
        return ChainVerifier.verify(
                after -> rows.stream().filter(r -> r.seq() > after).limit(7).toList(), head, seals, null);
    }

    private static AuditLedger.Head head(List<AuditEntry> rows) {
        AuditEntry last = rows.get(rows.size() - 1);
        return new AuditLedger.Head(last.seq(), last.hash());
    }

    static List<AuditEntry> chain(int n) {
        List<AuditEntry> rows = new ArrayList<>();
        String previous = AuditEntry.GENESIS;
        for (int i = 1; i <= n; i++) {
            AuditEntry row = entry(i, "event-" + i).withChain(previous);
            rows.add(row);
            previous = row.hash();
        }
        return rows;
    }

    private static AuditEntry entry(long seq, String id) {
        return new AuditEntry(
                seq,
                id,
                "disbursement.events",
                0,
                seq - 1,
                "beneficiary",
                "id.go.kemensos.disbursement.PaymentScheduled.v1",
                "/disbursement-service",
                "beneficiary",
                Instant.parse("2026-11-01T02:00:00Z").plusSeconds(seq),
                "{\"amount\":960000,\"n\":" + seq + "}",
                null,
                null);
    }
}
