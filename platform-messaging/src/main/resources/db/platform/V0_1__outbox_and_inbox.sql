-- Transactional outbox, captured from the binlog by Debezium's Outbox EventRouter (infra/connect/<service>-outbox.json).
-- The ce_* and content_type columns become CloudEvents binary-mode headers on the Kafka record.
CREATE TABLE outbox_event (
    id             CHAR(36)     NOT NULL,
    aggregatetype  VARCHAR(64)  NOT NULL,
    aggregateid    VARCHAR(64)  NOT NULL,
    type           VARCHAR(255) NOT NULL,
    payload        LONGTEXT     NOT NULL,
    ce_specversion VARCHAR(8)   NOT NULL DEFAULT '1.0',
    ce_source      VARCHAR(255) NOT NULL,
    ce_time        VARCHAR(40)  NOT NULL,
    ce_subject     VARCHAR(64)  NOT NULL,
    ce_dataschema  VARCHAR(255) NOT NULL,
    content_type   VARCHAR(64)  NOT NULL DEFAULT 'application/json',
    created_at     DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    KEY ix_outbox_event_created_at (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Idempotent consumers: one row per (consumer, event id), written in the same transaction as the event's effect.
CREATE TABLE processed_event (
    consumer     VARCHAR(100) NOT NULL,
    event_id     CHAR(36)     NOT NULL,
    processed_at DATETIME(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (consumer, event_id),
    KEY ix_processed_event_processed_at (processed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
