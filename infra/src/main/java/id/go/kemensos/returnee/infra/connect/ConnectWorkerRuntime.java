package id.go.kemensos.returnee.infra.connect;

import java.util.Properties;

/**
 * Where the Kafka Connect worker runs: its own JVM from infra's artifacts ({@link LocalConnectJvm}), or (tests on a
 * machine with a Docker engine) Debezium's image as docker-compose runs it. Either way its REST API answers on
 * 127.0.0.1:{@value KafkaConnectWorker#PORT}, and {@link KafkaConnectWorker} configures it through that API.
 */
public interface ConnectWorkerRuntime {

    /**
     * Starts a worker, or starts it again after {@link #stop()} or {@link #kill()}.
     *
     * @param production production's worker settings (infra/connect/worker.properties); the runtime adds where it runs
     */
    void launch(Properties production);

    boolean isAlive();

    /** SIGTERM: the tasks stop and commit their offsets. */
    void stop();

    /** SIGKILL: nothing flushed, nothing committed. */
    void kill();

    /** Where to look when it does not come up. */
    String logLocation();
}
