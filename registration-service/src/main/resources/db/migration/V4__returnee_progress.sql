-- Where each returnee stands downstream, projected from eligibility and disbursement events, so that a clerk can list
-- who is registered, decided, paid or failed. Each part keeps an ordering key (event time in ms * 10 + a rank that
-- breaks ties) so that events read out of order never move a returnee backwards.
ALTER TABLE returnee
    ADD COLUMN decision_outcome VARCHAR(16) NULL,
    ADD COLUMN decision_order BIGINT NULL,
    ADD COLUMN payment_state VARCHAR(24) NULL,
    ADD COLUMN payment_order BIGINT NULL,
    ADD COLUMN status VARCHAR(24) GENERATED ALWAYS AS (COALESCE(payment_state, decision_outcome, 'REGISTERED')) STORED,
    ADD KEY ix_returnee_status (status, province_code);
