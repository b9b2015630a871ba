-- A person without a bank account collects the grant in cash at a post office (PT Pos): the payment's channel, and
-- the last day the cash may be collected once PT Pos issued the claim (its reference goes in bank_reference).
ALTER TABLE payment_intent
    ADD COLUMN channel VARCHAR(16) NOT NULL DEFAULT 'BANK_TRANSFER',
    ADD COLUMN claim_deadline DATE NULL;

-- A payee without an account: no bank. Their batches go to PT Pos, bank_code 'POS'.
ALTER TABLE payee MODIFY bank_code CHAR(3) NULL;
