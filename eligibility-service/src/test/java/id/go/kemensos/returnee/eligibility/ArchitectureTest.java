package id.go.kemensos.returnee.eligibility;

import id.go.kemensos.returnee.testsupport.ServiceArchitectureTest;
import java.util.Map;

/** eligibility-service's guard rails; each table it creates, with the one class that writes it. */
class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super(
                "id.go.kemensos.returnee.eligibility",
                Map.of(
                        "decision", "DecisionRepository",
                        "decision_override", "DecisionRepository",
                        "paid_grant", "RegistrationFacts",
                        "reevaluation", "Reevaluations",
                        "registration_fact", "RegistrationFacts"));
    }
}
