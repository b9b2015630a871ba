-- A case per person (by pseudonymous id only: no name, NIK or phone is kept here), the services their decisions entitle
-- them to as offers, and the referrals of accepted offers to service partners. Free-text notes are the only personal
-- data and are cleared when the person is erased (PersonalDataErased).
CREATE TABLE case_file (
    case_id            CHAR(36)     NOT NULL,
    beneficiary_id     CHAR(36)     NOT NULL,
    province_code      CHAR(2)      NOT NULL,
    regency_code       CHAR(4)      NOT NULL,
    case_worker        VARCHAR(100) NULL,
    opened_by_decision CHAR(36)     NOT NULL,
    opened_at          DATETIME(6)  NOT NULL,
    PRIMARY KEY (case_id),
    UNIQUE KEY uq_case_file_beneficiary (beneficiary_id),
    KEY ix_case_file_worker (case_worker, opened_at),
    KEY ix_case_file_province (province_code, opened_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One offer per service per case: a later decision naming a service already offered adds nothing.
CREATE TABLE service_offer (
    offer_id         CHAR(36)     NOT NULL,
    case_id          CHAR(36)     NOT NULL,
    decision_id      CHAR(36)     NOT NULL,
    service          VARCHAR(64)  NOT NULL,
    rule_set_id      VARCHAR(100) NOT NULL,
    rule_set_version VARCHAR(40)  NOT NULL,
    restricted       BOOLEAN      NOT NULL,
    state            VARCHAR(16)  NOT NULL,
    offered_at       DATETIME(6)  NOT NULL,
    decline_reason   VARCHAR(32)  NULL,
    answer_note      VARCHAR(500) NULL,
    answered_by      VARCHAR(100) NULL,
    answered_at      DATETIME(6)  NULL,
    PRIMARY KEY (offer_id),
    UNIQUE KEY uq_service_offer_case_service (case_id, service),
    KEY ix_service_offer_state (state),
    CONSTRAINT fk_service_offer_case FOREIGN KEY (case_id) REFERENCES case_file (case_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE referral (
    referral_id  CHAR(36)     NOT NULL,
    offer_id     CHAR(36)     NOT NULL,
    partner_id   VARCHAR(64)  NOT NULL,
    referred_by  VARCHAR(100) NOT NULL,
    referred_at  DATETIME(6)  NOT NULL,
    outcome      VARCHAR(16)  NULL,
    outcome_note VARCHAR(500) NULL,
    outcome_by   VARCHAR(100) NULL,
    outcome_at   DATETIME(6)  NULL,
    PRIMARY KEY (referral_id),
    KEY ix_referral_offer (offer_id, referred_at),
    CONSTRAINT fk_referral_offer FOREIGN KEY (offer_id) REFERENCES service_offer (offer_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
