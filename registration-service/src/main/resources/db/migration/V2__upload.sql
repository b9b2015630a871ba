-- A provincial returnee list as uploaded. The content hash makes a re-upload of the same file return the first upload.
CREATE TABLE upload (
    upload_id        CHAR(36)     NOT NULL,
    province_code    CHAR(2)      NOT NULL,
    file_name        VARCHAR(255) NOT NULL,
    content_sha256   CHAR(64)     NOT NULL,
    format           VARCHAR(8),
    status           VARCHAR(16)  NOT NULL,
    header_names     TEXT,
    unknown_columns  TEXT,
    rows_read        BIGINT       NOT NULL DEFAULT 0,
    rows_total_hint  BIGINT,
    accepted         BIGINT       NOT NULL DEFAULT 0,
    rejected         BIGINT       NOT NULL DEFAULT 0,
    held             BIGINT       NOT NULL DEFAULT 0,
    registered       BIGINT       NOT NULL DEFAULT 0,
    failure          TEXT,
    received_at      DATETIME(6)  NOT NULL,
    completed_at     DATETIME(6),
    PRIMARY KEY (upload_id),
    UNIQUE KEY ux_upload_content (content_sha256)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every row's outcome. The (upload_id, nik) key finds a NIK's earlier row in the same file; NULL NIKs (unreadable) repeat freely.
CREATE TABLE upload_row (
    upload_id      CHAR(36)    NOT NULL,
    row_no         BIGINT      NOT NULL,
    outcome        VARCHAR(16) NOT NULL,
    nik            CHAR(16),
    beneficiary_id CHAR(36),
    raw_values     MEDIUMTEXT  NOT NULL,
    problems       MEDIUMTEXT  NOT NULL,
    PRIMARY KEY (upload_id, row_no),
    UNIQUE KEY ux_upload_row_nik (upload_id, nik),
    KEY ix_upload_row_outcome (upload_id, outcome)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
