-- Every decision is kept; a re-evaluation adds a row that names the one it supersedes.
CREATE TABLE decision (
    decision_id          CHAR(36)     NOT NULL,
    beneficiary_id       CHAR(36)     NOT NULL,
    program_id           VARCHAR(32)  NOT NULL,
    cycle_id             VARCHAR(32)  NOT NULL,
    outcome              VARCHAR(16)  NOT NULL,
    grant_amount         BIGINT       NOT NULL,
    rule_set_id          VARCHAR(64)  NOT NULL,
    rule_set_version     VARCHAR(32)  NOT NULL,
    failed_criteria      VARCHAR(500) NOT NULL,
    province_code        CHAR(2)      NOT NULL,
    regency_code         CHAR(4)      NOT NULL,
    source_event_id      CHAR(36)     NOT NULL,
    previous_decision_id CHAR(36),
    decided_at           DATETIME(6)  NOT NULL,
    PRIMARY KEY (decision_id),
    KEY ix_decision_beneficiary (beneficiary_id, program_id, cycle_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
