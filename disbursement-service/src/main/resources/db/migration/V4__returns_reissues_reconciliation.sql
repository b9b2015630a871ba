-- One live payment per person and program year: a reissued intent leaves the slot (live = NULL, which the unique key
-- ignores) to the intent that replaces it, and keeps its history.
ALTER TABLE payment_intent
    ADD COLUMN live TINYINT NULL DEFAULT 1,
    ADD COLUMN settled_at DATETIME(6) NULL,
    ADD COLUMN reissue_of CHAR(36) NULL,
    DROP INDEX ux_payment_intent_once,
    ADD UNIQUE KEY ux_payment_intent_once (program_id, cycle_id, beneficiary_id, live);

UPDATE payment_intent SET settled_at = updated_at WHERE state = 'SETTLED';

-- A bank statement matched against the ledger, and every break it found.
CREATE TABLE reconciliation (
    reconciliation_id CHAR(36)     NOT NULL,
    file_name         VARCHAR(255) NOT NULL,
    content_sha256    CHAR(64)     NOT NULL,
    period_from       DATE         NULL,
    period_to         DATE         NULL,
    statement_lines   BIGINT       NOT NULL,
    matched           BIGINT       NOT NULL,
    returned          BIGINT       NOT NULL,
    breaks            BIGINT       NOT NULL,
    imported_by       VARCHAR(100) NOT NULL,
    completed_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (reconciliation_id),
    UNIQUE KEY ux_reconciliation_content (content_sha256)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE reconciliation_break (
    reconciliation_id CHAR(36)     NOT NULL,
    line_no           BIGINT       NOT NULL,
    kind              VARCHAR(32)  NOT NULL,
    payment_id        CHAR(36)     NULL,
    bank_reference    VARCHAR(64)  NULL,
    ledger_amount     BIGINT       NULL,
    statement_amount  BIGINT       NULL,
    detail            VARCHAR(500) NOT NULL,
    PRIMARY KEY (reconciliation_id, line_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
