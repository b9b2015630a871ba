#!/bin/bash
# MySQL 8 counterpart of infra/src/main/resources/mariadb/bootstrap.sql: one schema and user per service, and the CDC user.
set -euo pipefail
secret() { cat "/run/secrets/$1"; }
sql="SET GLOBAL binlog_row_image = 'FULL';"
for svc in registration eligibility disbursement notification audit; do
  sql+="CREATE DATABASE IF NOT EXISTS $svc CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
  sql+="CREATE USER IF NOT EXISTS '$svc'@'%' IDENTIFIED BY '$(secret ${svc}_db_password)';"
  sql+="GRANT ALL PRIVILEGES ON $svc.* TO '$svc'@'%';"
done
# An auditor's replay writes into a fresh schema of its own (audit_replay_<when>).
sql+="GRANT ALL PRIVILEGES ON \`audit\\_replay\\_%\`.* TO 'audit'@'%';"
sql+="CREATE USER IF NOT EXISTS 'debezium'@'%' IDENTIFIED BY '$(secret debezium_db_password)';"
sql+="GRANT SELECT, RELOAD, SHOW DATABASES, REPLICATION SLAVE, REPLICATION CLIENT, LOCK TABLES ON *.* TO 'debezium'@'%';"
sql+="FLUSH PRIVILEGES;"
mysql -uroot -p"$(secret mysql_root_password)" -e "$sql"
