package id.go.kemensos.returnee.casework.cases;

import id.go.kemensos.returnee.casework.reference.NeedDimensions;
import id.go.kemensos.returnee.contracts.casework.NeedsAssessed;
import id.go.kemensos.returnee.contracts.casework.PlanActionClosed;
import id.go.kemensos.returnee.security.Officer;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CasePlanController {

    private final CasePlanning planning;
    private final CaseQueries queries;
    private final NeedDimensions dimensions;

    CasePlanController(CasePlanning planning, CaseQueries queries, NeedDimensions dimensions) {
        this.planning = planning;
        this.queries = queries;
        this.dimensions = dimensions;
    }

    record Assessment(
            @NotEmpty Map<String, NeedsAssessed.Level> needs,
            @Size(max = 1000) String note) {}

    record PlanStep(
            @NotBlank @Size(max = 32) String dimension,
            @NotBlank @Size(max = 300) String action,
            UUID offerId,
            @NotNull LocalDate dueOn) {}

    record StepOutcome(
            @NotNull PlanActionClosed.Outcome outcome,
            @Size(max = 500) String note) {}

    @Operation(summary = "The dimensions a needs assessment scores, with what the case worker asks about")
    @GetMapping("/api/need-dimensions")
    List<NeedDimensions.Dimension> dimensions() {
        return dimensions.all();
    }

    @Operation(
            summary = "Assess the person's needs: every dimension scored NONE, LOW, MEDIUM or HIGH (again later to see"
                    + " them change); the note stays with the case")
    @PostMapping("/api/cases/{caseId}/assessments")
    Map<String, UUID> assess(@PathVariable UUID caseId, @Valid @RequestBody Assessment assessment, Officer officer) {
        return Map.of("assessmentId", planning.assess(caseId, assessment.needs(), assessment.note(), officer));
    }

    @Operation(
            summary = "Add a step to the person's plan: for a dimension of need, due by a date, through one of their"
                    + " offers (offerId) or otherwise")
    @PostMapping("/api/cases/{caseId}/plan")
    Map<String, UUID> addStep(@PathVariable UUID caseId, @Valid @RequestBody PlanStep step, Officer officer) {
        return Map.of(
                "actionId",
                planning.addAction(caseId, step.dimension(), step.action(), step.offerId(), step.dueOn(), officer));
    }

    @Operation(summary = "Close a step of the plan: DONE or DROPPED, with a note")
    @PostMapping("/api/plan-actions/{actionId}/outcome")
    ResponseEntity<Void> closeStep(
            @PathVariable UUID actionId, @Valid @RequestBody StepOutcome outcome, Officer officer) {
        planning.closeAction(actionId, outcome.outcome(), outcome.note(), officer);
        return ResponseEntity.noContent().build();
    }

    @Operation(
            summary = "Needs by regency: how many people the latest assessment found at each level of each dimension")
    @GetMapping("/api/case-reports/needs")
    List<CaseQueries.NeedsReport> needsReport(@RequestParam(required = false) String province, Officer officer) {
        return queries.needsReport(officer, province);
    }
}
