package id.go.kemensos.returnee.disbursement.budget;

import id.go.kemensos.returnee.messaging.LockConflicts;
import id.go.kemensos.returnee.security.Officer;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/budgets")
class BudgetController {

    private final ProgramBudgets budgets;
    private final ApplicationEventPublisher events;

    BudgetController(ProgramBudgets budgets, ApplicationEventPublisher events) {
        this.budgets = budgets;
        this.events = events;
    }

    record CeilingRequest(@PositiveOrZero long ceiling) {}

    /** A regency is named by its four-digit code (Kemendagri), inside the province of the path. */
    private static boolean regencyOf(String provinceCode, String regencyCode) {
        return regencyCode.matches("\\d{4}") && regencyCode.startsWith(provinceCode);
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadShippedCeilings() {
        budgets.loadShippedCeilings();
    }

    @Operation(summary = "Budget ceilings and what is committed against them, per program, province and fiscal year")
    @GetMapping
    List<ProgramBudgets.Budget> all() {
        return budgets.all();
    }

    @Operation(
            summary = "Set a ceiling (whole rupiah); payments waiting for this budget are approved as it allows",
            description =
                    "409 when the ceiling would fall below what is already committed. With maker-checker approval the "
                            + "waiting payments go into the next batch instead.")
    @PutMapping("/{programId}/{provinceCode}/{fiscalYear}")
    ResponseEntity<?> setCeiling(
            @PathVariable String programId,
            @PathVariable String provinceCode,
            @PathVariable String fiscalYear,
            @Valid @RequestBody CeilingRequest request,
            Officer officer) {
        try {
            LockConflicts.call(
                    "ceiling " + programId + " " + provinceCode + " " + fiscalYear,
                    () -> budgets.setCeiling(
                            programId, provinceCode, fiscalYear, request.ceiling(), officer.reference()));
        } catch (ProgramBudgets.CeilingBelowCommitted e) {
            return ResponseEntity.status(HttpStatus.CONFLICT)
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage()));
        }
        events.publishEvent(
                new ProgramBudgets.CeilingSet(programId, provinceCode, fiscalYear)); // the ledger approves what waited
        return ResponseEntity.ok(
                budgets.find(programId, provinceCode, fiscalYear).orElseThrow());
    }

    @Operation(summary = "The regencies' ceilings within a province's budget line of a program year")
    @GetMapping("/{programId}/{provinceCode}/{fiscalYear}/regencies")
    List<ProgramBudgets.RegencyBudget> regencies(
            @PathVariable String programId, @PathVariable String provinceCode, @PathVariable String fiscalYear) {
        return budgets.regencies(programId, provinceCode, fiscalYear);
    }

    @Operation(
            summary =
                    "Set a regency's ceiling within its province's (whole rupiah); its people's payments must fit both",
            description = "The province's ceiling must be set first (409 otherwise). A new regency line starts with "
                    + "what the regency's payments already hold; 409 when the ceiling would fall below what is "
                    + "committed. 400 for a regency outside the province.")
    @PutMapping("/{programId}/{provinceCode}/{fiscalYear}/regencies/{regencyCode}")
    ResponseEntity<?> setRegencyCeiling(
            @PathVariable String programId,
            @PathVariable String provinceCode,
            @PathVariable String fiscalYear,
            @PathVariable String regencyCode,
            @Valid @RequestBody CeilingRequest request,
            Officer officer) {
        if (!regencyOf(provinceCode, regencyCode)) {
            return ResponseEntity.badRequest()
                    .body(ProblemDetail.forStatusAndDetail(
                            HttpStatus.BAD_REQUEST,
                            "Kode kabupaten/kota " + regencyCode + " bukan di provinsi " + provinceCode + " / regency "
                                    + regencyCode + " is not in province " + provinceCode));
        }
        ProgramBudgets.RegencyBudget set;
        try {
            set = LockConflicts.call(
                    "ceiling " + programId + " " + regencyCode + " " + fiscalYear,
                    () -> budgets.setRegencyCeiling(
                            programId, provinceCode, fiscalYear, regencyCode, request.ceiling(), officer.reference()));
        } catch (ProgramBudgets.CeilingBelowCommitted | ProgramBudgets.NoProvinceBudget e) {
            return ResponseEntity.status(HttpStatus.CONFLICT)
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage()));
        }
        events.publishEvent(new ProgramBudgets.CeilingSet(programId, provinceCode, fiscalYear));
        return ResponseEntity.ok(set);
    }
}
