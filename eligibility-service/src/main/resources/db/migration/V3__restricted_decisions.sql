-- Decisions under a restricted law (Law 21/2007 Art. 44: who is a trafficking victim) are read by protection officers only.
-- The flag is the rule set's confidentiality when the decision was made; decisions made before it existed are marked from
-- the one restricted rule set of that time.
ALTER TABLE decision
    ADD COLUMN restricted BOOLEAN NOT NULL DEFAULT FALSE,
    DROP KEY ix_decision_review,
    ADD KEY ix_decision_review (outcome, province_code, restricted, superseded_by);
UPDATE decision SET restricted = TRUE WHERE rule_set_id = 'tppo-victim-services';
