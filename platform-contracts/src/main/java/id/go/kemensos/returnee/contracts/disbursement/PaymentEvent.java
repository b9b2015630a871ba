package id.go.kemensos.returnee.contracts.disbursement;

import id.go.kemensos.returnee.contracts.BeneficiaryEvent;
import java.util.UUID;

/** A transition of one payment intent in the ledger. Amounts are whole rupiah. */
public sealed interface PaymentEvent extends DisbursementEvent, BeneficiaryEvent
        permits CashClaimExpired,
                CashClaimIssued,
                CollectiveAccountOpened,
                PaymentAccountChecked,
                PaymentApproved,
                PaymentAwaitingBudget,
                PaymentCancelled,
                PaymentFailed,
                PaymentReissued,
                PaymentReturned,
                PaymentScheduled,
                PaymentSent,
                PaymentSettled {

    UUID paymentId();
}
