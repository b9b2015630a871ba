-- The audit ledger: every record of every *.events topic, appended once (by event id) in the order the audit service read
-- it. Each row's hash is SHA-256 over the previous row's hash and the row's canonical bytes (AuditEntry.canonicalBytes),
-- so that an edited, deleted or reordered row breaks the chain from that row on. Rows are never updated or deleted.
CREATE TABLE audit_entry (
    seq             BIGINT       NOT NULL,
    event_id        VARCHAR(64)  NOT NULL,
    topic           VARCHAR(255) NOT NULL,
    kafka_partition INT          NOT NULL,
    kafka_offset    BIGINT       NOT NULL,
    record_key      VARCHAR(255) NULL,
    type            VARCHAR(255) NOT NULL,
    source          VARCHAR(255) NULL,
    subject         VARCHAR(255) NULL,
    event_time      DATETIME(6)  NULL,
    data            LONGTEXT     NOT NULL,
    prev_hash       CHAR(64)     NOT NULL,
    hash            CHAR(64)     NOT NULL,
    appended_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (seq),
    UNIQUE KEY ux_audit_entry_event (event_id),
    KEY ix_audit_entry_subject (subject, seq)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The end of the chain. Every append locks it, so the chain has exactly one order; verification checks the last row against it.
CREATE TABLE audit_chain_head (
    id   TINYINT  NOT NULL,
    seq  BIGINT   NOT NULL,
    hash CHAR(64) NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB;

INSERT INTO audit_chain_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Which ledger rows mention a payment: its own events (keyed by the beneficiary) and the batches it was in (keyed by the batch).
CREATE TABLE audit_payment_ref (
    payment_id CHAR(36) NOT NULL,
    seq        BIGINT   NOT NULL,
    PRIMARY KEY (payment_id, seq)
) ENGINE = InnoDB;
