package id.go.kemensos.returnee.casework.cases;

import id.go.kemensos.returnee.security.Officer;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CaseHandoverController {

    private final CaseHandovers handovers;

    CaseHandoverController(CaseHandovers handovers) {
        this.handovers = handovers;
    }

    /**
     * @param from        the case worker whose cases move; absent for the cases nobody follows yet
     * @param regencyCode only that regency's cases
     */
    record Handover(
            @Size(max = 100) String from,
            @NotBlank @Size(max = 100) String to,
            @Pattern(regexp = "\\d{4}") String regencyCode) {}

    @Operation(
            summary =
                    "The province's case workers (the roster) with the cases each follows, and a last line (caseWorker"
                            + " null) for the cases nobody follows: what the office looks at before a handover")
    @GetMapping("/api/case-workers")
    List<CaseHandovers.CaseWorkerLoad> roster(Officer officer) {
        return handovers.roster(officer);
    }

    @Operation(
            summary = "The province's office hands a case worker's cases (from; absent: those nobody follows), of one"
                    + " regency or all, to another case worker of the province, with their follow-ups and the open"
                    + " grievances they owned; answers how many moved")
    @PostMapping("/api/case-handovers")
    Map<String, Integer> handOver(@Valid @RequestBody Handover handover, Officer officer) {
        return Map.of(
                "moved",
                handovers.handOver(
                        Casework.blankToNull(handover.from()), handover.to().strip(), handover.regencyCode(), officer));
    }
}
