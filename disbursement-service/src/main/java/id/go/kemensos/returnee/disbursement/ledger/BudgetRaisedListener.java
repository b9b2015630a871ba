package id.go.kemensos.returnee.disbursement.ledger;

import id.go.kemensos.returnee.disbursement.budget.ProgramBudgets;
import id.go.kemensos.returnee.messaging.LockConflicts;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A ceiling was set: with automatic approval, the payments waiting for that budget are approved as it now allows. */
@Component
class BudgetRaisedListener {

    private final PaymentLedger ledger;

    BudgetRaisedListener(PaymentLedger ledger) {
        this.ledger = ledger;
    }

    @EventListener
    void on(ProgramBudgets.CeilingSet ceiling) {
        LockConflicts.retry(
                "payments awaiting " + ceiling.programId() + " " + ceiling.provinceCode() + " " + ceiling.fiscalYear(),
                () -> ledger.resumeAwaitingBudget(ceiling.programId(), ceiling.provinceCode(), ceiling.fiscalYear()));
    }
}
