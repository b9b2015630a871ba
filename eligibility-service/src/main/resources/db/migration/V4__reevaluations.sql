-- A re-evaluation (the ministry deciding people again after a new rule version) runs in the background and records its
-- progress here after every chunk, so the console can show it and a restarted service resumes from last_beneficiary.
CREATE TABLE reevaluation (
    reevaluation_id  CHAR(36)     NOT NULL,
    province_code    CHAR(2)      NULL,
    rule_set_id      VARCHAR(64)  NULL,
    state            VARCHAR(16)  NOT NULL,
    total            BIGINT       NOT NULL,
    beneficiaries    BIGINT       NOT NULL DEFAULT 0,
    decided          BIGINT       NOT NULL DEFAULT 0,
    changed          BIGINT       NOT NULL DEFAULT 0,
    last_beneficiary CHAR(36)     NULL,
    requested_by     VARCHAR(100) NOT NULL,
    started_at       DATETIME(6)  NOT NULL,
    updated_at       DATETIME(6)  NOT NULL,
    finished_at      DATETIME(6)  NULL,
    failure          VARCHAR(500) NULL,
    PRIMARY KEY (reevaluation_id),
    KEY ix_reevaluation_state (state)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
