-- A payee without an account whose program has a Himbara bank open accounts where they live (rekening kolektif): the
-- bank asked, the bulk request that carries the payment (its partnerReferenceNo at the bank), and the account the bank
-- opened, sealed with the person's key like every account here, until it is checked and paid.
ALTER TABLE payment_intent
    ADD COLUMN opening_bank_code CHAR(3) NULL,
    ADD COLUMN opening_reference VARCHAR(36) NULL,
    ADD COLUMN opened_account TEXT NULL;
