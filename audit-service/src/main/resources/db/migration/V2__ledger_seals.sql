-- The chain heads published to Kafka (AuditLedgerSealed on audit.events). This table only remembers what was published;
-- verification trusts the copies on Kafka, not these rows.
CREATE TABLE audit_seal (
    seq       BIGINT      NOT NULL,
    hash      CHAR(64)    NOT NULL,
    sealed_at DATETIME(6) NOT NULL,
    PRIMARY KEY (seq)
) ENGINE = InnoDB;
