-- A regency's share of a province's budget for a program year (pagu per kabupaten/kota): optional. Where one is set, a
-- payment to one of the regency's people must fit both it and the province's ceiling; elsewhere the province's alone
-- binds. committed counts what the regency's approved or batched payments have reserved (from when it was set).
CREATE TABLE regency_budget (
    program_id    VARCHAR(64)  NOT NULL,
    province_code CHAR(2)      NOT NULL,
    fiscal_year   VARCHAR(32)  NOT NULL,
    regency_code  CHAR(4)      NOT NULL,
    ceiling       BIGINT       NOT NULL,
    committed     BIGINT       NOT NULL DEFAULT 0,
    updated_by    VARCHAR(100) NOT NULL,
    updated_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (program_id, province_code, fiscal_year, regency_code),
    CONSTRAINT fk_regency_budget_province FOREIGN KEY (program_id, province_code, fiscal_year)
        REFERENCES budget (program_id, province_code, fiscal_year),
    CONSTRAINT ck_regency_budget_within_ceiling CHECK (committed >= 0 AND committed <= ceiling)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
