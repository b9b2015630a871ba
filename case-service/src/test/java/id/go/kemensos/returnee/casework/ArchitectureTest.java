package id.go.kemensos.returnee.casework;

import id.go.kemensos.returnee.testsupport.ServiceArchitectureTest;
import java.util.Map;

/** case-service's guard rails; each table it creates, with the one class that writes it. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super(
                "id.go.kemensos.returnee.casework",
                Map.of(
                        "case_file", "CaseFiles",
                        "service_offer", "CaseFiles",
                        "referral", "CaseFiles",
                        "follow_up", "CaseFiles",
                        "needs_assessment", "CasePlans",
                        "assessed_need", "CasePlans",
                        "plan_action", "CasePlans",
                        "grievance", "GrievanceRecords",
                        "person_region", "GrievanceRecords",
                        "refusal", "GrievanceRecords"));
    }
}
