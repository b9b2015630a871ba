-- Households (Law 18/2017 Pasal 24 ayat (1) huruf e: the worker "dan keluarganya"): a registration's household is the
-- pseudonym of its family card, so that a family member is decided by whether a returned worker of theirs is registered.
-- Whether the person is a returned worker or a family member is kept beside it (neither says anything of trafficking).
ALTER TABLE registration_fact
    ADD COLUMN household_id    VARCHAR(32) NULL,
    ADD COLUMN returned_worker BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD COLUMN family_member   BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD KEY ix_registration_fact_household (household_id);
