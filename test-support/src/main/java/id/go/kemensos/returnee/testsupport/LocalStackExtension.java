package id.go.kemensos.returnee.testsupport;

import id.go.kemensos.returnee.infra.stack.LocalStack;
import id.go.kemensos.returnee.infra.stack.PlatformHome;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the real local stack (MariaDB with binlog, the KRaft Kafka broker, the Debezium outbox relay, the gateway
 * simulators) once per test JVM and stops it when the JVM exits. There is no Docker engine on our machines, so nothing is
 * skipped for its absence: the same infrastructure runs as local processes. A start failure fails the tests loudly.
 */
public final class LocalStackExtension implements BeforeAllCallback {

    private static LocalStack stack;

    @Override
    public void beforeAll(ExtensionContext context) {
        stack();
    }

    public static synchronized LocalStack stack() {
        if (stack == null) {
            LocalStack started = new LocalStack(PlatformHome.locate()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "local-stack-shutdown"));
            stack = started;
        }
        return stack;
    }
}
