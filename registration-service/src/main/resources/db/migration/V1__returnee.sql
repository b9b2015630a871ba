-- A registered returnee. beneficiary_id is the pseudonymous id that every event and every other service uses; the NIK
-- never leaves this schema unmasked.
CREATE TABLE returnee (
    beneficiary_id      CHAR(36)     NOT NULL,
    nik                 CHAR(16)     NOT NULL,
    full_name           VARCHAR(200) NOT NULL,
    sex                 VARCHAR(8)   NOT NULL,
    birth_date          DATE         NOT NULL,
    province_code       CHAR(2)      NOT NULL,
    regency_code        CHAR(4)      NOT NULL,
    category            VARCHAR(20)  NOT NULL,
    referral_source     VARCHAR(20),
    destination_country CHAR(2),
    return_date         DATE         NOT NULL,
    phone_e164          VARCHAR(20)  NOT NULL,
    bank_code           CHAR(3)      NOT NULL,
    account_number      VARCHAR(34)  NOT NULL,
    account_holder_name VARCHAR(200) NOT NULL,
    dtks_listed         BOOLEAN      NOT NULL,
    attended_guidance   BOOLEAN      NOT NULL,
    upload_id           CHAR(36),
    registered_at       DATETIME(6)  NOT NULL,
    PRIMARY KEY (beneficiary_id),
    UNIQUE KEY ux_returnee_nik (nik),
    KEY ix_returnee_region (province_code, regency_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
