-- Index of the ledger's records of personal-data reads (PersonalDataAccessed on access.events), so that auditors and the
-- data protection officer can ask what one officer read; what a person's data went through is found by the ledger's subject.
CREATE TABLE audit_access_ref (
    officer VARCHAR(100) NOT NULL,
    at      DATETIME(6)  NOT NULL,
    seq     BIGINT       NOT NULL,
    PRIMARY KEY (officer, seq),
    KEY ix_audit_access_at (at, seq)
) ENGINE = InnoDB;
