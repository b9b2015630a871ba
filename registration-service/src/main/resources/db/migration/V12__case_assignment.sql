-- Which case worker follows each person with a case (case-service's CaseOpened): that case worker, and no other, may
-- read the person's registration, to reach them.
CREATE TABLE case_assignment (
    beneficiary_id CHAR(36)     NOT NULL,
    case_worker    VARCHAR(100) NOT NULL,
    assigned_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (beneficiary_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
