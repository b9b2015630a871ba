package id.go.kemensos.returnee.registration;

import id.go.kemensos.returnee.testsupport.ServiceArchitectureTest;
import java.util.Map;

/** registration-service's guard rails; each table it creates, with the one class that writes it. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super(
                "id.go.kemensos.returnee.registration",
                Map.of(
                        "case_assignment", "CaseAssignments",
                        "returnee", "ReturneeRepository",
                        "upload", "UploadRepository",
                        "upload_row", "UploadRepository"));
    }
}
