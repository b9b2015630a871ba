package id.go.kemensos.returnee.testsupport.containers;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import java.util.function.Consumer;

/**
 * Publishes a container's port on the local port the stack's process would listen on, so that services, tests and
 * benchmarks reach the container where they reach the process (3307, 9092, 8093).
 */
final class FixedHostPort {

    private FixedHostPort() {}

    static Consumer<CreateContainerCmd> publish(int hostPort, int containerPort) {
        return cmd -> cmd.getHostConfig()
                .withPortBindings(new PortBinding(
                        Ports.Binding.bindIpAndPort("127.0.0.1", hostPort), ExposedPort.tcp(containerPort)));
    }
}
