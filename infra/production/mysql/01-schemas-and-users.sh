#!/bin/bash
# MySQL 8 counterpart of infra/src/main/resources/mariadb/bootstrap.sql: one schema and user per service, Keycloak's, and the
# CDC user.
set -euo pipefail
secret() { cat "/run/secrets/$1"; }
sql="SET GLOBAL binlog_row_image = 'FULL';"
for svc in registration eligibility disbursement notification audit casework; do
  sql+="CREATE DATABASE IF NOT EXISTS $svc CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
  sql+="CREATE USER IF NOT EXISTS '$svc'@'%' IDENTIFIED BY '$(secret ${svc}_db_password)';"
  sql+="CREATE USER IF NOT EXISTS '${svc}_migrator'@'%' IDENTIFIED BY '$(secret ${svc}_migration_password)';"
  # Data rights for the service; schema changes and table grants (afterMigrate__*.sql) for its migrator.
  if [ "$svc" != audit ]; then sql+="GRANT SELECT, INSERT, UPDATE, DELETE ON $svc.* TO '$svc'@'%';"; fi
  sql+="GRANT ALL PRIVILEGES ON $svc.* TO '${svc}_migrator'@'%' WITH GRANT OPTION;"
done
# An auditor's replay writes into a fresh schema of its own (audit_replay_<when>).
sql+="GRANT ALL PRIVILEGES ON \`audit\\_replay\\_%\`.* TO 'audit'@'%';"
# The key vault (bootstrap.sql says why): each person's wrapped data key, read by every service, written by registration.
sql+="CREATE DATABASE IF NOT EXISTS keyvault CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
sql+="CREATE TABLE IF NOT EXISTS keyvault.person_key (person_id CHAR(36) NOT NULL, wrapped_key VARBINARY(512) NULL,"
sql+=" created_at DATETIME(6) NOT NULL, destroyed_at DATETIME(6) NULL, PRIMARY KEY (person_id)) ENGINE = InnoDB;"
sql+="GRANT SELECT, INSERT, UPDATE ON keyvault.person_key TO 'registration'@'%';"
for svc in eligibility disbursement notification audit; do
  sql+="GRANT SELECT ON keyvault.person_key TO '$svc'@'%';"
done
# Keycloak (the identity provider): utf8mb3, the character set Keycloak's database guide supports on MySQL (not utf8mb4).
sql+="CREATE DATABASE IF NOT EXISTS keycloak CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci;"
sql+="CREATE USER IF NOT EXISTS 'keycloak'@'%' IDENTIFIED BY '$(secret keycloak_db_password)';"
sql+="GRANT ALL PRIVILEGES ON keycloak.* TO 'keycloak'@'%';"
sql+="CREATE USER IF NOT EXISTS 'debezium'@'%' IDENTIFIED BY '$(secret debezium_db_password)';"
# The binlog, and of the tables only the outboxes (each service's migrator grants SELECT on its outbox_event).
sql+="GRANT RELOAD, SHOW DATABASES, REPLICATION SLAVE, REPLICATION CLIENT, LOCK TABLES ON *.* TO 'debezium'@'%';"
sql+="FLUSH PRIVILEGES;"
mysql -uroot -p"$(secret mysql_root_password)" -e "$sql"
