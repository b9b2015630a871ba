-- Payments by sex and age (so that the platform shows whether men and women, young and old, are paid alike) from the
-- ledger itself: the payee's sex and age band on the day of registration, both from the registration (the birth date
-- stays sealed). Null for payees registered before.
ALTER TABLE payee
    ADD COLUMN sex      VARCHAR(8)  NULL,
    ADD COLUMN age_band VARCHAR(16) NULL;
