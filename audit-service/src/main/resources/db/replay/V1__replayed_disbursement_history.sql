-- A replay's result: the disbursement history rebuilt from disbursement.events alone. One schema per replay, never changed
-- after it is written; compare it with the live ledger, or with another replay.
CREATE TABLE replay_run (
    replay_id       VARCHAR(64)  NOT NULL,
    as_of           DATETIME(6)  NULL,
    end_offsets     VARCHAR(2000) NOT NULL,
    records_read    BIGINT       NOT NULL,
    events_applied  BIGINT       NOT NULL,
    duplicates      BIGINT       NOT NULL,
    after_as_of     BIGINT       NOT NULL,
    payments        BIGINT       NOT NULL,
    anomalies       BIGINT       NOT NULL,
    started_at      DATETIME(6)  NOT NULL,
    finished_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (replay_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE payment (
    payment_id            CHAR(36)     NOT NULL,
    beneficiary_id        CHAR(36)     NOT NULL,
    program_id            VARCHAR(64)  NOT NULL,
    cycle_id              VARCHAR(32)  NOT NULL,
    decision_id           CHAR(36)     NULL,
    province_code         CHAR(2)      NOT NULL,
    regency_code          CHAR(4)      NOT NULL,
    amount                BIGINT       NOT NULL,
    state                 VARCHAR(16)  NOT NULL,
    batch_id              CHAR(36)     NULL,
    prepared_by           VARCHAR(100) NULL,
    approved_by           VARCHAR(100) NULL,
    bank_code             CHAR(3)      NULL,
    account_number_masked VARCHAR(40)  NULL,
    bank_reference        VARCHAR(64)  NULL,
    reissue_of            CHAR(36)     NULL,
    scheduled_at          DATETIME(6)  NULL,
    settled_at            DATETIME(6)  NULL,
    last_event_at         DATETIME(6)  NULL,
    PRIMARY KEY (payment_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE payment_transition (
    payment_id CHAR(36)     NOT NULL,
    step       INT          NOT NULL,
    state      VARCHAR(16)  NOT NULL,
    event_type VARCHAR(64)  NOT NULL,
    event_id   CHAR(36)     NOT NULL,
    at         DATETIME(6)  NULL,
    by_whom    VARCHAR(100) NULL,
    detail     VARCHAR(500) NULL,
    PRIMARY KEY (payment_id, step)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE payment_total (
    program_id    VARCHAR(64) NOT NULL,
    province_code CHAR(2)     NOT NULL,
    regency_code  CHAR(4)     NOT NULL,
    state         VARCHAR(16) NOT NULL,
    payments      BIGINT      NOT NULL,
    total         BIGINT      NOT NULL,
    PRIMARY KEY (program_id, province_code, regency_code, state)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE anomaly (
    n          INT          NOT NULL,
    payment_id CHAR(36)     NULL,
    kind       VARCHAR(32)  NOT NULL,
    detail     VARCHAR(1000) NOT NULL,
    PRIMARY KEY (n)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
