-- One schema per service, each reachable only by its own user: no service can read another's schema.
-- Local-stack credentials only; production passwords come from the environment (see infra/docker-compose.yml).
CREATE DATABASE IF NOT EXISTS registration CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS eligibility CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS disbursement CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS notification CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS audit CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

CREATE USER IF NOT EXISTS 'registration'@'%' IDENTIFIED BY 'registration-local';
CREATE USER IF NOT EXISTS 'eligibility'@'%' IDENTIFIED BY 'eligibility-local';
CREATE USER IF NOT EXISTS 'disbursement'@'%' IDENTIFIED BY 'disbursement-local';
CREATE USER IF NOT EXISTS 'notification'@'%' IDENTIFIED BY 'notification-local';
CREATE USER IF NOT EXISTS 'audit'@'%' IDENTIFIED BY 'audit-local';
GRANT ALL PRIVILEGES ON registration.* TO 'registration'@'%';
GRANT ALL PRIVILEGES ON eligibility.* TO 'eligibility'@'%';
GRANT ALL PRIVILEGES ON disbursement.* TO 'disbursement'@'%';
GRANT ALL PRIVILEGES ON notification.* TO 'notification'@'%';
GRANT ALL PRIVILEGES ON audit.* TO 'audit'@'%';
-- An auditor's replay writes the rebuilt disbursement history into a fresh schema of its own, audit_replay_<when>.
GRANT ALL PRIVILEGES ON `audit\_replay\_%`.* TO 'audit'@'%';

-- Debezium reads the binlog (REPLICATION SLAVE, BINLOG MONITOR) and the outbox tables' structure.
CREATE USER IF NOT EXISTS 'debezium'@'%' IDENTIFIED BY 'debezium-local';
GRANT SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, BINLOG MONITOR, LOCK TABLES ON *.* TO 'debezium'@'%';
FLUSH PRIVILEGES;
