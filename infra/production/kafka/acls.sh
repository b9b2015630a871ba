#!/usr/bin/env bash
# Generated from infra's KafkaAccess.acls() (AclScriptTest compares them): every ACL of the platform, for
# a cluster whose authorizer allows nothing else (broker.sh). Run as admin once the topics exist, and
# again after an upgrade that changes KafkaAccess (adding an ACL that exists changes nothing).
set -euo pipefail
source "$(dirname "$0")/admin-login.sh"
allow() {
  "$KAFKA_HOME/bin/kafka-acls.sh" --bootstrap-server "$KAFKA_BOOTSTRAP" --command-config "$ADMIN_CONFIG" \
    --add "$@" > /dev/null
}

allow --allow-principal User:relay --operation Describe --operation Write \
  --topic access.events \
  --topic audit.events \
  --topic case.events \
  --topic case.protection.events \
  --topic disbursement.events \
  --topic eligibility.events \
  --topic eligibility.protection.events \
  --topic notification.events \
  --topic registration.events \
  --transactional-id connect-cluster-returnee-outbox-connect \
  --transactional-id returnee-outbox-connect-platform-outbox-0
allow --allow-principal User:relay --operation IdempotentWrite \
  --cluster
allow --allow-principal User:relay --operation Read \
  --group returnee-outbox-connect \
  --group platform-outbox-schemahistory
allow --allow-principal User:relay --operation Create --operation Describe --operation DescribeConfigs --operation Read --operation Write \
  --topic connect.configs \
  --topic connect.offsets \
  --topic connect.status
allow --allow-principal User:relay --operation Create --operation Describe --operation Read --operation Write \
  --topic connect.schema-history.platform-outbox

allow --allow-principal User:registration --operation Read \
  --group registration \
  --group registration.dlt-replay
allow --allow-principal User:registration --operation Describe \
  --topic access.events \
  --topic registration.events
allow --allow-principal User:registration --operation Describe --operation Read \
  --topic eligibility.events \
  --topic disbursement.events \
  --topic case.events
allow --allow-principal User:registration --operation Describe --operation Read --operation Write \
  --topic eligibility.events.dlt \
  --topic disbursement.events.dlt \
  --topic case.events.dlt

allow --allow-principal User:eligibility --operation Read \
  --group eligibility \
  --group eligibility.dlt-replay
allow --allow-principal User:eligibility --operation Describe \
  --topic access.events \
  --topic eligibility.events \
  --topic eligibility.protection.events
allow --allow-principal User:eligibility --operation Describe --operation Read \
  --topic registration.events \
  --topic disbursement.events \
  --topic case.events
allow --allow-principal User:eligibility --operation Describe --operation Read --operation Write \
  --topic registration.events.dlt \
  --topic disbursement.events.dlt \
  --topic case.events.dlt

allow --allow-principal User:disbursement --operation Read \
  --group disbursement \
  --group disbursement.dlt-replay
allow --allow-principal User:disbursement --operation Describe \
  --topic access.events \
  --topic disbursement.events
allow --allow-principal User:disbursement --operation Describe --operation Read \
  --topic registration.events \
  --topic eligibility.events \
  --topic case.events
allow --allow-principal User:disbursement --operation Describe --operation Read --operation Write \
  --topic registration.events.dlt \
  --topic eligibility.events.dlt \
  --topic case.events.dlt

allow --allow-principal User:notification --operation Read \
  --group notification \
  --group notification.dlt-replay
allow --allow-principal User:notification --operation Describe \
  --topic access.events \
  --topic notification.events
allow --allow-principal User:notification --operation Describe --operation Read \
  --topic registration.events \
  --topic eligibility.events \
  --topic disbursement.events \
  --topic case.events
allow --allow-principal User:notification --operation Describe --operation Read --operation Write \
  --topic registration.events.dlt \
  --topic eligibility.events.dlt \
  --topic disbursement.events.dlt \
  --topic case.events.dlt

allow --allow-principal User:audit --operation Read \
  --group audit
allow --allow-principal User:audit --operation Describe --operation DescribeConfigs --operation Read \
  --topic access.events \
  --topic audit.events \
  --topic case.events \
  --topic case.protection.events \
  --topic disbursement.events \
  --topic eligibility.events \
  --topic eligibility.protection.events \
  --topic notification.events \
  --topic registration.events

allow --allow-principal User:case --operation Read \
  --group case \
  --group case.dlt-replay
allow --allow-principal User:case --operation Describe \
  --topic access.events \
  --topic case.events \
  --topic case.protection.events
allow --allow-principal User:case --operation Describe --operation Read \
  --topic eligibility.events \
  --topic eligibility.protection.events \
  --topic registration.events \
  --topic disbursement.events
allow --allow-principal User:case --operation Describe --operation Read --operation Write \
  --topic eligibility.events.dlt \
  --topic eligibility.protection.events.dlt \
  --topic registration.events.dlt \
  --topic disbursement.events.dlt

echo "Kafka ACLs in place: 179 for User:relay, User:registration, User:eligibility, User:disbursement, User:notification, User:audit, User:case"
