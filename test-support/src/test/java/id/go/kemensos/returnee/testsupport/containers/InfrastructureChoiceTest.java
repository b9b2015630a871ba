package id.go.kemensos.returnee.testsupport.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class InfrastructureChoiceTest {

    private static final BooleanSupplier DOCKER = () -> true;
    private static final BooleanSupplier NO_DOCKER = () -> false;

    @Test
    void byDefaultContainersWhereADockerEngineAnswersAndProcessesWhereNone() {
        assertThat(InfrastructureChoice.select(null, DOCKER)).isEqualTo(InfrastructureChoice.CONTAINERS);
        assertThat(InfrastructureChoice.select("", DOCKER)).isEqualTo(InfrastructureChoice.CONTAINERS);
        assertThat(InfrastructureChoice.select(" Auto ", DOCKER)).isEqualTo(InfrastructureChoice.CONTAINERS);
        assertThat(InfrastructureChoice.select(null, NO_DOCKER)).isEqualTo(InfrastructureChoice.PROCESSES);
        assertThat(InfrastructureChoice.select("auto", NO_DOCKER)).isEqualTo(InfrastructureChoice.PROCESSES);
    }

    @Test
    void processesWhenAskedForWithoutAskingDocker() {
        AtomicInteger asked = new AtomicInteger();
        assertThat(InfrastructureChoice.select("processes", () -> asked.incrementAndGet() > 0))
                .isEqualTo(InfrastructureChoice.PROCESSES);
        assertThat(asked).hasValue(0);
    }

    @Test
    void containersWhenAskedForAndALoudFailureWithoutAnEngine() {
        assertThat(InfrastructureChoice.select("containers", DOCKER)).isEqualTo(InfrastructureChoice.CONTAINERS);
        assertThatThrownBy(() -> InfrastructureChoice.select("containers", NO_DOCKER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no Docker engine answers")
                .hasMessageContaining("-Dplatform.infrastructure=processes");
    }

    @Test
    void anUnknownSettingIsRefusedNamingTheChoices() {
        assertThatThrownBy(() -> InfrastructureChoice.select("docker", DOCKER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("platform.infrastructure is auto, processes or containers, not 'docker'");
    }

    @Test
    void thisMachineHasNoDockerEngineSoTheTestsRunOnItsProcesses() {
        // Our machines and CI have no Docker engine (docs/developers.md): the suite's own choice here.
        assertThat(DockerEngine.answers()).isFalse();
        assertThat(InfrastructureChoice.select(null, DockerEngine::answers)).isEqualTo(InfrastructureChoice.PROCESSES);
    }
}
