package id.go.kemensos.returnee.testsupport;

import id.go.kemensos.returnee.infra.stack.LocalStack;
import id.go.kemensos.returnee.infra.stack.PlatformHome;
import id.go.kemensos.returnee.infra.stack.StackInfrastructure;
import id.go.kemensos.returnee.testsupport.containers.ContainerInfrastructure;
import id.go.kemensos.returnee.testsupport.containers.InfrastructureChoice;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the real local stack (MariaDB with binlog, the KRaft Kafka broker, the Debezium outbox relay, the gateway
 * simulators) once per test JVM and stops it when the JVM exits. Where a Docker engine answers, the database, broker
 * and Connect worker are production's images instead ({@link InfrastructureChoice}); there is none on our machines, so
 * nothing is skipped for its absence: the same infrastructure runs as local processes. A start failure fails the tests
 * loudly.
 */
public final class LocalStackExtension implements BeforeAllCallback {

    private static LocalStack stack;
    private static final Deque<AutoCloseable> STOP_FIRST = new ArrayDeque<>();

    @Override
    public void beforeAll(ExtensionContext context) {
        stack();
    }

    public static synchronized LocalStack stack() {
        if (stack == null) {
            PlatformHome home = PlatformHome.locate();
            StackInfrastructure infrastructure =
                    InfrastructureChoice.fromEnvironment() == InfrastructureChoice.CONTAINERS
                            ? ContainerInfrastructure.create(home)
                            : StackInfrastructure.localProcesses(home);
            LocalStack started = new LocalStack(home, infrastructure).start();
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                closeAll();
                                started.close();
                            },
                            "local-stack-shutdown"));
            stack = started;
        }
        return stack;
    }

    /**
     * Registers something that runs on the stack (a service, say) to be stopped before the stack when the JVM exits.
     */
    public static synchronized void stopBeforeStack(AutoCloseable part) {
        STOP_FIRST.push(part);
    }

    private static synchronized void closeAll() {
        while (!STOP_FIRST.isEmpty()) {
            try {
                STOP_FIRST.pop().close();
            } catch (Exception e) {
                System.err.println("Stopping a part before the local stack failed: " + e);
            }
        }
    }
}
