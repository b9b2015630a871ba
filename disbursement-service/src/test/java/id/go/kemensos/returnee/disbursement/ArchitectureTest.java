package id.go.kemensos.returnee.disbursement;

import id.go.kemensos.returnee.testsupport.ServiceArchitectureTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** disbursement-service's guard rails; each table it creates, with the one class that writes it. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super(
                "id.go.kemensos.returnee.disbursement",
                Map.of(
                        "budget", "ProgramBudgets",
                        "declined_grant", "DeclinedGrants",
                        "payee", "PayeeProjection",
                        "payment_batch", "PaymentBatches",
                        "payment_intent", "PaymentRepository",
                        "reconciliation", "StatementReconciliation",
                        "reconciliation_break", "StatementReconciliation",
                        "regency_budget", "ProgramBudgets"));
    }

    /** The payment is an aggregate: its table is read and written by its repository alone (and its migrations). */
    @Test
    void onlyThePaymentRepositoryTouchesPayments() {
        service.tableIsTouchedOnlyBy("payment_intent", "PaymentRepository");
    }
}
