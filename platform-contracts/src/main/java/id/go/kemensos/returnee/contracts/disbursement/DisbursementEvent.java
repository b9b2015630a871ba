package id.go.kemensos.returnee.contracts.disbursement;

import id.go.kemensos.returnee.contracts.PlatformEvent;

/**
 * Every event disbursement-service publishes, a closed set: a consumer's handlers for this stream can name only
 * types that appear on it (the compiler checks), and a new event type is a deliberate change here.
 */
public sealed interface DisbursementEvent extends PlatformEvent
        permits PaymentEvent, BudgetCeilingSet, PaymentBatchDecided, PaymentBatchPrepared, ReconciliationCompleted {}
