-- One schema per service, each reachable only by its own user: no service can read another's schema.
-- Local-stack credentials only; production passwords come from the environment (see infra/docker-compose.yml).
CREATE DATABASE IF NOT EXISTS registration CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS eligibility CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS disbursement CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS notification CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS audit CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
-- case-service's schema (CASE is a reserved word in SQL).
CREATE DATABASE IF NOT EXISTS casework CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

-- Each service runs as a user with data rights (SELECT, INSERT, UPDATE, DELETE) on its own schema only; its Flyway
-- migrations run as <service>_migrator, who may change the schema. A leaked service password cannot drop or alter a table.
CREATE USER IF NOT EXISTS 'registration'@'%' IDENTIFIED BY 'registration-local';
CREATE USER IF NOT EXISTS 'eligibility'@'%' IDENTIFIED BY 'eligibility-local';
CREATE USER IF NOT EXISTS 'disbursement'@'%' IDENTIFIED BY 'disbursement-local';
CREATE USER IF NOT EXISTS 'notification'@'%' IDENTIFIED BY 'notification-local';
CREATE USER IF NOT EXISTS 'audit'@'%' IDENTIFIED BY 'audit-local';
CREATE USER IF NOT EXISTS 'casework'@'%' IDENTIFIED BY 'casework-local';
CREATE USER IF NOT EXISTS 'registration_migrator'@'%' IDENTIFIED BY 'registration-migrator-local';
CREATE USER IF NOT EXISTS 'eligibility_migrator'@'%' IDENTIFIED BY 'eligibility-migrator-local';
CREATE USER IF NOT EXISTS 'disbursement_migrator'@'%' IDENTIFIED BY 'disbursement-migrator-local';
CREATE USER IF NOT EXISTS 'notification_migrator'@'%' IDENTIFIED BY 'notification-migrator-local';
CREATE USER IF NOT EXISTS 'audit_migrator'@'%' IDENTIFIED BY 'audit-migrator-local';
CREATE USER IF NOT EXISTS 'casework_migrator'@'%' IDENTIFIED BY 'casework-migrator-local';
-- Stacks made before the migrators held ALL on their schema; taken back (an absent grant is skipped by MariaDbServer).
REVOKE ALL PRIVILEGES ON registration.* FROM 'registration'@'%';
REVOKE ALL PRIVILEGES ON eligibility.* FROM 'eligibility'@'%';
REVOKE ALL PRIVILEGES ON disbursement.* FROM 'disbursement'@'%';
REVOKE ALL PRIVILEGES ON notification.* FROM 'notification'@'%';
REVOKE ALL PRIVILEGES ON audit.* FROM 'audit'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON registration.* TO 'registration'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON eligibility.* TO 'eligibility'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON disbursement.* TO 'disbursement'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON notification.* TO 'notification'@'%';
GRANT SELECT, INSERT, UPDATE, DELETE ON casework.* TO 'casework'@'%';
-- The migrators grant table rights themselves after each migration (db/platform/afterMigrate__outbox_capture.sql: the CDC
-- user reads the outbox tables; audit's afterMigrate__append_only_ledger.sql: the ledger is INSERT and SELECT only).
GRANT ALL PRIVILEGES ON registration.* TO 'registration_migrator'@'%' WITH GRANT OPTION;
GRANT ALL PRIVILEGES ON eligibility.* TO 'eligibility_migrator'@'%' WITH GRANT OPTION;
GRANT ALL PRIVILEGES ON disbursement.* TO 'disbursement_migrator'@'%' WITH GRANT OPTION;
GRANT ALL PRIVILEGES ON notification.* TO 'notification_migrator'@'%' WITH GRANT OPTION;
GRANT ALL PRIVILEGES ON audit.* TO 'audit_migrator'@'%' WITH GRANT OPTION;
GRANT ALL PRIVILEGES ON casework.* TO 'casework_migrator'@'%' WITH GRANT OPTION;
-- An auditor's replay writes the rebuilt disbursement history into a fresh schema of its own, audit_replay_<when>.
GRANT ALL PRIVILEGES ON `audit\_replay\_%`.* TO 'audit'@'%';

-- The key vault: each person's data key, wrapped by the platform's master key (platform-privacy's DatabasePersonKeyStore).
-- One copy of each key, outside every service's schema, so that destroying it erases the person everywhere at once. Every
-- service reads it; registration creates keys and destroys them on erasure. No one deletes a row: a destroyed key stays
-- as an empty row, so that an erased person's id never gets a new key.
CREATE DATABASE IF NOT EXISTS keyvault CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE TABLE IF NOT EXISTS keyvault.person_key (
    person_id    CHAR(36)       NOT NULL,
    wrapped_key  VARBINARY(512) NULL,
    created_at   DATETIME(6)    NOT NULL,
    destroyed_at DATETIME(6)    NULL,
    PRIMARY KEY (person_id)
) ENGINE = InnoDB;
GRANT SELECT, INSERT, UPDATE ON keyvault.person_key TO 'registration'@'%';
GRANT SELECT ON keyvault.person_key TO 'eligibility'@'%';
GRANT SELECT ON keyvault.person_key TO 'disbursement'@'%';
GRANT SELECT ON keyvault.person_key TO 'notification'@'%';
GRANT SELECT ON keyvault.person_key TO 'audit'@'%';

-- The local identity provider (Keycloak) keeps its realms here. utf8mb3, not utf8mb4: Keycloak's database guide supports
-- utf8 and not utf8mb4 on MySQL/MariaDB (four bytes per character outgrow its row and key sizes on some servers; on MariaDB
-- 10.11 utf8mb4 happened to migrate, but we keep the documented setting, as production MySQL does). utf8mb3 covers every
-- Indonesian name. IdentityProvider drops and recreates this schema when the realm files change (demo data only).
CREATE DATABASE IF NOT EXISTS keycloak CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci;
CREATE USER IF NOT EXISTS 'keycloak'@'%' IDENTIFIED BY 'keycloak-local';
GRANT ALL PRIVILEGES ON keycloak.* TO 'keycloak'@'%';

-- Debezium reads the binlog (REPLICATION SLAVE, BINLOG MONITOR); of the tables, only the outboxes (each service's migrator
-- grants SELECT on its outbox_event), never a table of personal data.
CREATE USER IF NOT EXISTS 'debezium'@'%' IDENTIFIED BY 'debezium-local';
REVOKE SELECT ON *.* FROM 'debezium'@'%';
GRANT RELOAD, SHOW DATABASES, REPLICATION SLAVE, BINLOG MONITOR, LOCK TABLES ON *.* TO 'debezium'@'%';
FLUSH PRIVILEGES;
