-- Budget ceilings per program, province and fiscal year (the program year). committed is what approved or batched
-- payments have reserved; a failed transfer or a rejected batch gives its amount back.
CREATE TABLE budget (
    program_id    VARCHAR(64)  NOT NULL,
    province_code CHAR(2)      NOT NULL,
    fiscal_year   VARCHAR(32)  NOT NULL,
    ceiling       BIGINT       NOT NULL,
    committed     BIGINT       NOT NULL DEFAULT 0,
    updated_by    VARCHAR(100) NOT NULL,
    updated_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (program_id, province_code, fiscal_year),
    CONSTRAINT ck_budget_within_ceiling CHECK (committed >= 0 AND committed <= ceiling)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A batch groups scheduled payments of one program, province and bank for a finance officer's approval. The officer
-- who prepared it cannot approve it (maker-checker).
CREATE TABLE payment_batch (
    batch_id      CHAR(36)     NOT NULL,
    program_id    VARCHAR(64)  NOT NULL,
    cycle_id      VARCHAR(32)  NOT NULL,
    province_code CHAR(2)      NOT NULL,
    bank_code     CHAR(3)      NOT NULL,
    state         VARCHAR(16)  NOT NULL,
    payments      INT          NOT NULL,
    total         BIGINT       NOT NULL,
    prepared_by   VARCHAR(100) NOT NULL,
    prepared_at   DATETIME(6)  NOT NULL,
    decided_by    VARCHAR(100),
    decided_at    DATETIME(6),
    reason        VARCHAR(500),
    PRIMARY KEY (batch_id),
    KEY ix_payment_batch_province (province_code, state)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

ALTER TABLE payment_intent
    MODIFY program_id VARCHAR(64) NOT NULL,
    ADD COLUMN batch_id CHAR(36) NULL,
    ADD COLUMN waiting_reason VARCHAR(300) NULL,
    ADD KEY ix_payment_intent_batchable (program_id, province_code, state, batch_id);
