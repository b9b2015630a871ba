-- What eligibility knows of each registration (from registration events), so that it can re-evaluate without asking anyone.
CREATE TABLE registration_fact (
    beneficiary_id    CHAR(36)    NOT NULL,
    province_code     CHAR(2)     NOT NULL,
    facts             TEXT        NOT NULL,
    updated_at        DATETIME(6) NOT NULL,
    PRIMARY KEY (beneficiary_id),
    KEY ix_registration_fact_province (province_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Grants paid (PaymentSettled from disbursement): nobody is made eligible twice for the same program year.
CREATE TABLE paid_grant (
    beneficiary_id CHAR(36)    NOT NULL,
    program_id     VARCHAR(64) NOT NULL,
    cycle_id       VARCHAR(32) NOT NULL,
    payment_id     CHAR(36)    NOT NULL,
    paid_at        DATETIME(6) NOT NULL,
    PRIMARY KEY (beneficiary_id, program_id, cycle_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A decision keeps everything needed to explain it: the rule set version, the inputs, each criterion's result and citation,
-- and the entitlements. superseded_by links it to the re-evaluation that replaced it; the latest has none.
ALTER TABLE decision
    MODIFY program_id VARCHAR(64) NOT NULL,
    MODIFY failed_criteria VARCHAR(1000) NOT NULL,
    ADD COLUMN explanation MEDIUMTEXT NULL,
    ADD COLUMN entitlements VARCHAR(1000) NULL,
    ADD COLUMN superseded_by CHAR(36) NULL,
    ADD KEY ix_decision_review (outcome, province_code, superseded_by);

-- An officer's decision on a NEEDS_REVIEW (or any) decision, kept beside the original, which is never changed.
CREATE TABLE decision_override (
    override_id      CHAR(36)     NOT NULL,
    decision_id      CHAR(36)     NOT NULL,
    outcome          VARCHAR(16)  NOT NULL,
    grant_amount     BIGINT       NOT NULL,
    reason           VARCHAR(1000) NOT NULL,
    officer          VARCHAR(100) NOT NULL,
    overridden_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (override_id),
    UNIQUE KEY ux_decision_override_decision (decision_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
