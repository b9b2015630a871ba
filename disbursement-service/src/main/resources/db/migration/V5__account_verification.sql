-- Before a payment can be approved, the bank's account inquiry must show an open account whose holder is the registered
-- person (PENDING -> VERIFIED, or MISMATCH for an officer). Payments already past scheduling were made before this check.
ALTER TABLE payment_intent
    ADD COLUMN account_check VARCHAR(16) NOT NULL DEFAULT 'PENDING',
    ADD COLUMN account_checked_at DATETIME(6) NULL,
    ADD COLUMN account_holder_seen VARCHAR(200) NULL,
    ADD COLUMN account_check_detail VARCHAR(300) NULL,
    ADD KEY ix_payment_intent_account_check (account_check, state);

UPDATE payment_intent SET account_check = 'VERIFIED' WHERE state <> 'SCHEDULED';
