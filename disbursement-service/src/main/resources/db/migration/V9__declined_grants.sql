-- Grants the person declined (case-service's GrantDeclined): none is paid or scheduled for them any more. One row per
-- person and program: the first answer stands.
CREATE TABLE declined_grant (
    beneficiary_id CHAR(36)    NOT NULL,
    program_id     VARCHAR(32) NOT NULL,
    offer_id       CHAR(36)    NOT NULL,
    decision_id    CHAR(36),
    decline_reason VARCHAR(32) NOT NULL,
    declined_at    DATETIME(6) NOT NULL,
    PRIMARY KEY (beneficiary_id, program_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
