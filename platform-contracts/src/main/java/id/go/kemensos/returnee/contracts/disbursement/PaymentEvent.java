package id.go.kemensos.returnee.contracts.disbursement;

import id.go.kemensos.returnee.contracts.BeneficiaryEvent;

import java.util.UUID;

/** A transition of one payment intent in the ledger. Amounts are whole rupiah. */
public interface PaymentEvent extends BeneficiaryEvent {

    UUID paymentId();
}
