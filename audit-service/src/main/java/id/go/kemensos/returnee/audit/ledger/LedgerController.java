package id.go.kemensos.returnee.audit.ledger;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/ledger")
class LedgerController {

    private final ChainVerifier verifier;
    private final AuditLedger ledger;
    private final EventLogRetention retention;
    private final LedgerAgainstKafka againstKafka;

    LedgerController(
            ChainVerifier verifier, AuditLedger ledger, EventLogRetention retention, LedgerAgainstKafka againstKafka) {
        this.verifier = verifier;
        this.ledger = ledger;
        this.retention = retention;
        this.againstKafka = againstKafka;
    }

    @Operation(
            summary = "Recompute the ledger's hash chain from its first row",
            description =
                    "intact=false names the first row edited, deleted or out of order (firstBroken) and lists what "
                            + "follows from it.")
    @PostMapping("/verification")
    ChainVerification verify() {
        return verifier.verify();
    }

    @Operation(
            summary = "Compare the ledger with the topics it is built from, read again from their first offsets",
            description = "matches=false lists rows no record on Kafka has (NOT_ON_KAFKA), rows unlike their record "
                    + "(UNLIKE_KAFKA) and "
                    + "records the ledger read past but does not hold (MISSING_FROM_LEDGER). Shows a "
                    + "ledger rewritten hashes and all.")
    @PostMapping("/kafka-comparison")
    KafkaComparison compareWithKafka() {
        return againstKafka.compare();
    }

    @Operation(
            summary = "The chain's head: how many rows the ledger holds and the last hash (to note down and compare "
                    + "later)")
    @GetMapping("/head")
    AuditLedger.Head head() {
        return ledger.head();
    }

    @Operation(
            summary = "Whether every event topic keeps its records forever (retention.ms and retention.bytes -1, "
                    + "cleanup delete)")
    @GetMapping("/retention")
    List<EventLogRetention.TopicRetention> retention() {
        return retention.check();
    }
}
