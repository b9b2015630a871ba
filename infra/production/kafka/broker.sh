#!/usr/bin/env bash
# One node of the production KRaft cluster (broker and controller), as docker-compose runs it in apache/kafka:
#   clients and brokers: SASL_SSL with SCRAM-SHA-512 on :9092 (every principal of infra's KafkaAccess, and `broker`);
#   controllers: SSL with client certificates on :9093 (SCRAM cannot be checked there: its credentials live in the
#   metadata the controllers serve), a node's certificate mapping to the super user `broker`;
#   nothing is allowed that no ACL allows (acls.sh), except to `broker` and `admin`.
# The SCRAM users are seeded when the storage is formatted (first start only: later changes of a password go through
# kafka-configs.sh --alter --add-config 'SCRAM-SHA-512=[password=...]'). Passwords: letters and digits only.
set -euo pipefail

: "${KAFKA_NODE_ID:?the id of this node, e.g. 1}"
: "${KAFKA_CONTROLLER_QUORUM_VOTERS:?e.g. 1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093}"
: "${KAFKA_ADVERTISED_HOST:?the name clients reach this node at, as in its certificate, e.g. kafka-1}"
: "${CLUSTER_ID:?the cluster id (kafka-storage.sh random-uuid, once per cluster)}"
KAFKA_HOME=${KAFKA_HOME:-/opt/kafka}
SECRETS=${KAFKA_SECRETS_DIR:-/run/secrets}
DATA=${KAFKA_DATA_DIR:-/var/lib/kafka/data}
CONFIG=${KAFKA_CONFIG_FILE:-/opt/kafka/config/returnee-broker.properties}
CLIENT_PORT=${KAFKA_CLIENT_PORT:-9092}
CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-9093}
REPLICATION=${KAFKA_REPLICATION_FACTOR:-3}
MIN_ISR=${KAFKA_MIN_INSYNC_REPLICAS:-2}
PRINCIPALS=(admin relay registration eligibility disbursement notification audit case)

secret() {
  local file="$SECRETS/$1"
  [[ -r "$file" ]] || { echo "Missing secret $file ($2)" >&2; exit 1; }
  local value
  value=$(tr -d '\r\n' < "$file")
  [[ "$value" =~ ^[A-Za-z0-9]+$ ]] || { echo "Secret $file must be letters and digits only" >&2; exit 1; }
  printf '%s' "$value"
}

TLS_PASSWORD=$(secret kafka_tls_password "the password of this node's kafka_keystore.p12")
BROKER_PASSWORD=$(secret kafka_broker_password "the brokers' own SCRAM login")
[[ -r "$SECRETS/kafka_keystore.p12" ]] || { echo "Missing secret $SECRETS/kafka_keystore.p12 (this node's key and certificate)" >&2; exit 1; }
[[ -r "$SECRETS/kafka_ca" ]] || { echo "Missing secret $SECRETS/kafka_ca (the CA that signs the nodes' certificates)" >&2; exit 1; }

mkdir -p "$(dirname "$CONFIG")" "$DATA"
umask 077
cat > "$CONFIG" <<PROPERTIES
process.roles=broker,controller
node.id=$KAFKA_NODE_ID
controller.quorum.voters=$KAFKA_CONTROLLER_QUORUM_VOTERS
listeners=SASL_SSL://:$CLIENT_PORT,CONTROLLER://:$CONTROLLER_PORT
advertised.listeners=SASL_SSL://$KAFKA_ADVERTISED_HOST:$CLIENT_PORT
listener.security.protocol.map=SASL_SSL:SASL_SSL,CONTROLLER:SSL
controller.listener.names=CONTROLLER
inter.broker.listener.name=SASL_SSL
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="broker" password="$BROKER_PASSWORD";
ssl.keystore.type=PKCS12
ssl.keystore.location=$SECRETS/kafka_keystore.p12
ssl.keystore.password=$TLS_PASSWORD
ssl.key.password=$TLS_PASSWORD
ssl.truststore.type=PEM
ssl.truststore.location=$SECRETS/kafka_ca
listener.name.controller.ssl.client.auth=required
ssl.principal.mapping.rules=RULE:^CN=([A-Za-z0-9.-]+).*$/broker/,DEFAULT
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
allow.everyone.if.no.acl.found=false
super.users=User:broker;User:admin
log.dirs=$DATA
auto.create.topics.enable=false
default.replication.factor=$REPLICATION
min.insync.replicas=$MIN_ISR
offsets.topic.replication.factor=$REPLICATION
transaction.state.log.replication.factor=$REPLICATION
transaction.state.log.min.isr=$MIN_ISR
share.coordinator.state.topic.replication.factor=$REPLICATION
share.coordinator.state.topic.min.isr=$MIN_ISR
log.retention.hours=-1
PROPERTIES

if [[ ! -f "$DATA/meta.properties" ]]; then
  scram=(--add-scram "SCRAM-SHA-512=[name=broker,password=$BROKER_PASSWORD]")
  for principal in "${PRINCIPALS[@]}"; do
    scram+=(--add-scram "SCRAM-SHA-512=[name=$principal,password=$(secret "${principal}_kafka_password" "$principal's SCRAM login")]")
  done
  "$KAFKA_HOME/bin/kafka-storage.sh" format --cluster-id "$CLUSTER_ID" --config "$CONFIG" --ignore-formatted "${scram[@]}"
fi
exec "$KAFKA_HOME/bin/kafka-server-start.sh" "$CONFIG"
