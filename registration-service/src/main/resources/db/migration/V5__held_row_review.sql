-- A held row keeps its validated registration so that an officer's approval registers exactly what was checked; the
-- review (decision, officer, reason, time) is kept beside the row's original outcome and problems.
ALTER TABLE upload_row
    ADD COLUMN held_registration TEXT NULL,
    ADD COLUMN review_decision VARCHAR(16) NULL,
    ADD COLUMN reviewed_by VARCHAR(100) NULL,
    ADD COLUMN review_reason VARCHAR(500) NULL,
    ADD COLUMN reviewed_at TIMESTAMP(6) NULL;
