package id.go.kemensos.returnee.testsupport.containers;

import org.testcontainers.DockerClientFactory;

/** Whether a Docker engine answers here, as Testcontainers finds one (DOCKER_HOST, the socket, its config file). */
final class DockerEngine {

    private DockerEngine() {}

    static boolean answers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
