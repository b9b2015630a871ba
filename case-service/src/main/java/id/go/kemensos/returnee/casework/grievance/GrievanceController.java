package id.go.kemensos.returnee.casework.grievance;

import id.go.kemensos.returnee.contracts.casework.GrievanceReceived;
import id.go.kemensos.returnee.contracts.casework.GrievanceResolved;
import id.go.kemensos.returnee.security.Officer;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
class GrievanceController {

    private final Grievances grievances;

    GrievanceController(Grievances grievances) {
        this.grievances = grievances;
    }

    record Received(
            @NotNull UUID beneficiaryId,
            @NotNull GrievanceReceived.Kind kind,
            @NotNull GrievanceReceived.Channel channel,
            UUID decisionId,
            @Size(max = 1000) String summary) {}

    record Resolution(
            @NotNull GrievanceResolved.Resolution resolution,
            @Size(max = 1000) String note) {}

    @Operation(
            summary = "Record a complaint, or a request to review a refusal (kind REVIEW_REQUEST with the refused"
                    + " decisionId), received at the office, on helpline 171 or as an SMS reply; due by its kind's"
                    + " service standard")
    @PostMapping("/api/grievances")
    ResponseEntity<Map<String, UUID>> receive(@Valid @RequestBody Received received, Officer officer) {
        UUID id = grievances.receive(
                received.beneficiaryId(),
                received.kind(),
                received.channel(),
                received.decisionId(),
                received.summary(),
                officer);
        return ResponseEntity.status(201).body(Map.of("grievanceId", id));
    }

    @Operation(summary = "Grievances of the officer's province (open ones first, by due date; open=false adds settled)")
    @GetMapping("/api/grievances")
    List<Grievances.GrievanceView> list(
            @RequestParam(required = false) String province,
            @RequestParam(defaultValue = "true") boolean open,
            Officer officer) {
        return grievances.list(officer, province, open);
    }

    @Operation(summary = "One grievance")
    @GetMapping("/api/grievances/{grievanceId}")
    ResponseEntity<Grievances.GrievanceView> byId(@PathVariable UUID grievanceId, Officer officer) {
        return ResponseEntity.of(grievances.byId(grievanceId, officer));
    }

    @Operation(
            summary = "Settle a complaint RESOLVED or NOT_RESOLVED (a review request is settled by the ruling on its"
                    + " decision)")
    @PostMapping("/api/grievances/{grievanceId}/resolution")
    ResponseEntity<Void> resolve(
            @PathVariable UUID grievanceId, @Valid @RequestBody Resolution resolution, Officer officer) {
        grievances.resolve(grievanceId, resolution.resolution(), resolution.note(), officer);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Grievances by regency and kind: open, overdue, settled")
    @GetMapping("/api/case-reports/grievances")
    List<Grievances.GrievanceReport> report(@RequestParam(required = false) String province, Officer officer) {
        return grievances.report(officer, province);
    }
}
