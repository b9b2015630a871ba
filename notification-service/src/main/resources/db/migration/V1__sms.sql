-- Where to reach each beneficiary, from the latest registration or amendment.
CREATE TABLE contact (
    beneficiary_id CHAR(36)     NOT NULL,
    full_name      VARCHAR(200) NOT NULL,
    phone_e164     VARCHAR(20)  NOT NULL,
    language       CHAR(2)      NOT NULL DEFAULT 'id',
    opted_out      BOOLEAN      NOT NULL DEFAULT FALSE,
    updated_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (beneficiary_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One message per (source event, template), ever: the unique key makes redelivered events queue nothing new.
CREATE TABLE sms_message (
    message_id         CHAR(36)     NOT NULL,
    beneficiary_id     CHAR(36)     NOT NULL,
    template           VARCHAR(40)  NOT NULL,
    source_event_id    CHAR(36)     NOT NULL,
    params             TEXT         NOT NULL,
    state              VARCHAR(16)  NOT NULL,
    attempts           INT          NOT NULL DEFAULT 0,
    gateway_message_id VARCHAR(64),
    segments           INT,
    last_error         VARCHAR(300),
    next_attempt_at    DATETIME(6)  NOT NULL,
    created_at         DATETIME(6)  NOT NULL,
    updated_at         DATETIME(6)  NOT NULL,
    PRIMARY KEY (message_id),
    UNIQUE KEY ux_sms_once_per_event_template (source_event_id, template),
    KEY ix_sms_due (state, next_attempt_at),
    KEY ix_sms_beneficiary (beneficiary_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
