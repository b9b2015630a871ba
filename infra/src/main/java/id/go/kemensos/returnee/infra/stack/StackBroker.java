package id.go.kemensos.returnee.infra.stack;

/**
 * The Kafka broker under the stack, on 127.0.0.1:{@value id.go.kemensos.returnee.infra.kafka.KafkaBroker#PORT} with
 * SASL/SCRAM logins for every principal of KafkaAccess: the broker's own JVM, or (tests on a machine with a Docker
 * engine) the apache/kafka image docker-compose runs.
 */
public interface StackBroker extends AutoCloseable {

    /** Starts it, or adopts one already listening, and returns when it answers the admin's login. */
    void start();

    String bootstrapServers();

    @Override
    void close();
}
