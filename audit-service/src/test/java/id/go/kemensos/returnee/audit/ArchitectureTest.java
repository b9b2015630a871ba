package id.go.kemensos.returnee.audit;

import id.go.kemensos.returnee.testsupport.ServiceArchitectureTest;
import java.util.Map;

/** audit-service's guard rails; each table it creates, with the one class that writes it. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super(
                "id.go.kemensos.returnee.audit",
                Map.of(
                        "audit_access_ref", "AuditLedger",
                        "audit_chain_head", "AuditLedger",
                        "audit_entry", "AuditLedger",
                        "audit_payment_ref", "AuditLedger",
                        "audit_seal", "LedgerSeals"));
    }
}
