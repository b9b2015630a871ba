-- Visits or calls owed to each person, scheduled when the case opens; what was found is recorded on each. The note is
-- the only personal data and is cleared when the person is erased.
CREATE TABLE follow_up (
    follow_up_id    CHAR(36)     NOT NULL,
    case_id         CHAR(36)     NOT NULL,
    due_on          DATE         NOT NULL,
    contact         VARCHAR(16)  NULL,
    business_status VARCHAR(16)  NULL,
    income_band     VARCHAR(24)  NULL,
    note            VARCHAR(500) NULL,
    recorded_by     VARCHAR(100) NULL,
    recorded_at     DATETIME(6)  NULL,
    PRIMARY KEY (follow_up_id),
    KEY ix_follow_up_case (case_id, due_on),
    KEY ix_follow_up_open (recorded_at, due_on),
    CONSTRAINT fk_follow_up_case FOREIGN KEY (case_id) REFERENCES case_file (case_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
