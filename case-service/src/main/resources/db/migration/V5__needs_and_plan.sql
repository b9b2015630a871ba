-- Needs assessments (one per time the case worker assesses; the latest is current) and the reintegration plan's steps.
-- The note and the step's words are the only personal data here, cleared when the person is erased.
CREATE TABLE needs_assessment (
    assessment_id CHAR(36)      NOT NULL,
    case_id       CHAR(36)      NOT NULL,
    note          VARCHAR(1000) NULL,
    assessed_by   VARCHAR(100)  NOT NULL,
    assessed_at   DATETIME(6)   NOT NULL,
    PRIMARY KEY (assessment_id),
    KEY ix_needs_assessment_case (case_id, assessed_at),
    CONSTRAINT fk_needs_assessment_case FOREIGN KEY (case_id) REFERENCES case_file (case_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE assessed_need (
    assessment_id CHAR(36)    NOT NULL,
    dimension     VARCHAR(32) NOT NULL,
    level         VARCHAR(8)  NOT NULL,
    PRIMARY KEY (assessment_id, dimension),
    CONSTRAINT fk_assessed_need_assessment FOREIGN KEY (assessment_id) REFERENCES needs_assessment (assessment_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE plan_action (
    action_id     CHAR(36)     NOT NULL,
    case_id       CHAR(36)     NOT NULL,
    dimension     VARCHAR(32)  NOT NULL,
    action_text   VARCHAR(300) NULL,
    offer_id      CHAR(36)     NULL,
    due_on        DATE         NOT NULL,
    added_by      VARCHAR(100) NOT NULL,
    added_at      DATETIME(6)  NOT NULL,
    outcome       VARCHAR(16)  NULL,
    outcome_note  VARCHAR(500) NULL,
    closed_by     VARCHAR(100) NULL,
    closed_at     DATETIME(6)  NULL,
    PRIMARY KEY (action_id),
    KEY ix_plan_action_case (case_id, due_on),
    CONSTRAINT fk_plan_action_case FOREIGN KEY (case_id) REFERENCES case_file (case_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
