# Sourced by topics.sh and acls.sh: the admin's client settings for the cluster's SASL_SSL listener, in $ADMIN_CONFIG.
: "${KAFKA_BOOTSTRAP:?e.g. kafka-1:9092,kafka-2:9092,kafka-3:9092}"
KAFKA_HOME=${KAFKA_HOME:-/opt/kafka}
SECRETS=${KAFKA_SECRETS_DIR:-/run/secrets}
[[ -r "$SECRETS/admin_kafka_password" ]] || { echo "Missing secret $SECRETS/admin_kafka_password" >&2; exit 1; }
[[ -r "$SECRETS/kafka_ca" ]] || { echo "Missing secret $SECRETS/kafka_ca" >&2; exit 1; }
ADMIN_CONFIG=$(mktemp)
trap 'rm -f "$ADMIN_CONFIG"' EXIT
chmod 600 "$ADMIN_CONFIG"
cat > "$ADMIN_CONFIG" <<PROPERTIES
security.protocol=SASL_SSL
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$(tr -d '\r\n' < "$SECRETS/admin_kafka_password")";
ssl.truststore.type=PEM
ssl.truststore.location=$SECRETS/kafka_ca
PROPERTIES
