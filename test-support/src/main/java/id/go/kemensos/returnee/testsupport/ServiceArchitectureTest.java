package id.go.kemensos.returnee.testsupport;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The guard rails every service keeps (see {@link ServiceArchitecture}); a service's ArchitectureTest extends this with
 * its base package and its tables' owners, and adds its own rules. A break fails the build. One instance serves all
 * the rules, so that the classes are imported and the sources read once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServiceArchitectureTest {

    protected final ServiceArchitecture service;
    private final Map<String, String> ownerByTable;

    protected ServiceArchitectureTest(String basePackage, Map<String, String> ownerByTable) {
        this.service = ServiceArchitecture.of(basePackage);
        this.ownerByTable = ownerByTable;
    }

    @Test
    void packagesAreFreeOfCycles() {
        service.packagesAreFreeOfCycles();
    }

    @Test
    void controllersDoNotTouchTheDatabase() {
        service.controllersDoNotTouchTheDatabase();
    }

    @Test
    void kafkaListenersArePackagePrivate() {
        service.kafkaListenersArePackagePrivate();
    }

    @Test
    void eachTableHasOneWriter() {
        service.tablesAreWrittenOnlyByTheirOwners(ownerByTable);
    }
}
