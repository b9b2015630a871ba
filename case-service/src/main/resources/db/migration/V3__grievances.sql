-- Where each registered person lives (from registration.events; codes only), so that a grievance can be received from
-- anyone, with or without a case, by the officers of their province.
CREATE TABLE person_region (
    beneficiary_id CHAR(36) NOT NULL,
    province_code  CHAR(2)  NOT NULL,
    regency_code   CHAR(4)  NOT NULL,
    PRIMARY KEY (beneficiary_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The refusals (INELIGIBLE decisions) a person may ask to have reviewed.
CREATE TABLE refusal (
    decision_id    CHAR(36)    NOT NULL,
    beneficiary_id CHAR(36)    NOT NULL,
    restricted     BOOLEAN     NOT NULL,
    decided_at     DATETIME(6) NOT NULL,
    PRIMARY KEY (decision_id),
    KEY ix_refusal_beneficiary (beneficiary_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Complaints and requests for review. The summary (the person's words) and the resolution note are personal data,
-- cleared when the person is erased.
CREATE TABLE grievance (
    grievance_id    CHAR(36)      NOT NULL,
    beneficiary_id  CHAR(36)      NOT NULL,
    province_code   CHAR(2)       NOT NULL,
    regency_code    CHAR(4)       NOT NULL,
    kind            VARCHAR(16)   NOT NULL,
    channel         VARCHAR(16)   NOT NULL,
    decision_id     CHAR(36)      NULL,
    summary         VARCHAR(1000) NULL,
    owner           VARCHAR(100)  NULL,
    received_by     VARCHAR(100)  NOT NULL,
    received_at     DATETIME(6)   NOT NULL,
    due_on          DATE          NOT NULL,
    resolution      VARCHAR(16)   NULL,
    resolution_note VARCHAR(1000) NULL,
    resolved_by     VARCHAR(100)  NULL,
    resolved_at     DATETIME(6)   NULL,
    PRIMARY KEY (grievance_id),
    KEY ix_grievance_open (province_code, resolved_at, due_on),
    KEY ix_grievance_decision (decision_id),
    KEY ix_grievance_beneficiary (beneficiary_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
