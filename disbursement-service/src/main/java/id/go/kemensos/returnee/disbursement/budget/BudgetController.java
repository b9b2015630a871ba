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
}
