-- Payee details, projected from registration.events; the latest registration or amendment wins.
CREATE TABLE payee (
    beneficiary_id      CHAR(36)     NOT NULL,
    full_name           VARCHAR(200) NOT NULL,
    province_code       CHAR(2)      NOT NULL,
    regency_code        CHAR(4)      NOT NULL,
    bank_code           CHAR(3)      NOT NULL,
    account_number      VARCHAR(34)  NOT NULL,
    account_holder_name VARCHAR(200) NOT NULL,
    updated_at          DATETIME(6)  NOT NULL,
    PRIMARY KEY (beneficiary_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The payment ledger. The unique key is the guarantee that nobody is paid twice under one program cycle.
CREATE TABLE payment_intent (
    payment_id      CHAR(36)     NOT NULL,
    program_id      VARCHAR(32)  NOT NULL,
    cycle_id        VARCHAR(32)  NOT NULL,
    beneficiary_id  CHAR(36)     NOT NULL,
    decision_id     CHAR(36)     NOT NULL,
    amount          BIGINT       NOT NULL,
    province_code   CHAR(2)      NOT NULL,
    regency_code    CHAR(4)      NOT NULL,
    state           VARCHAR(16)  NOT NULL,
    approved_by     VARCHAR(100),
    bank_code       CHAR(3),
    account_number  VARCHAR(34),
    bank_reference  VARCHAR(64),
    failure_code    VARCHAR(32),
    failure_reason  VARCHAR(300),
    status_checks   INT          NOT NULL DEFAULT 0,
    next_check_at   DATETIME(6),
    scheduled_at    DATETIME(6)  NOT NULL,
    updated_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (payment_id),
    UNIQUE KEY ux_payment_intent_once (program_id, cycle_id, beneficiary_id),
    KEY ix_payment_intent_state (state, next_check_at),
    CONSTRAINT ck_payment_amount_positive CHECK (amount > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
