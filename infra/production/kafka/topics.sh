#!/usr/bin/env bash
# The *.events topics are the audit log: 12 partitions, kept forever (also when they existed before); dead-letter
# topics beside them. Run once the brokers are up, as admin, before the services and the relay start. Each call starts
# a JVM, so the topics there are listed once: a missing one is created as it must be, one that exists is set to keep
# forever (and nothing else is changed on it).
set -euo pipefail
source "$(dirname "$0")/admin-login.sh"
REPLICATION=${KAFKA_REPLICATION_FACTOR:-3}
MIN_ISR=${KAFKA_MIN_INSYNC_REPLICAS:-2}
existing=$("$KAFKA_HOME/bin/kafka-topics.sh" --bootstrap-server "$KAFKA_BOOTSTRAP" --command-config "$ADMIN_CONFIG" --list)
for t in access registration eligibility eligibility.protection disbursement notification audit case case.protection; do
  for topic in $t.events $t.events.dlt; do
    if grep -qxF "$topic" <<< "$existing"; then
      "$KAFKA_HOME/bin/kafka-configs.sh" --bootstrap-server "$KAFKA_BOOTSTRAP" --command-config "$ADMIN_CONFIG" \
        --alter --entity-type topics --entity-name "$topic" \
        --add-config retention.ms=-1,retention.bytes=-1,cleanup.policy=delete
    else
      # --if-not-exists: another run creating it meanwhile is not an error.
      "$KAFKA_HOME/bin/kafka-topics.sh" --bootstrap-server "$KAFKA_BOOTSTRAP" --command-config "$ADMIN_CONFIG" \
        --create --if-not-exists --topic "$topic" --partitions 12 --replication-factor "$REPLICATION" \
        --config retention.ms=-1 --config retention.bytes=-1 --config cleanup.policy=delete \
        --config min.insync.replicas="$MIN_ISR"
    fi
  done
done
echo "Kafka topics in place: $(grep -c . <<< "$existing" || true) existed before"
