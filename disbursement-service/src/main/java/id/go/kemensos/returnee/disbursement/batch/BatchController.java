package id.go.kemensos.returnee.disbursement.batch;

import id.go.kemensos.returnee.messaging.LockConflicts;
import id.go.kemensos.returnee.security.Officer;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/batches")
class BatchController {

    private final PaymentBatches batches;

    BatchController(PaymentBatches batches) {
        this.batches = batches;
    }

    record PrepareRequest(
            @NotBlank @Size(max = 32) String programId,
            @NotBlank @Size(max = 16) String cycleId,
            @NotBlank @Pattern(regexp = "\\d{2}") String provinceCode) {}

    record RejectRequest(@NotBlank @Size(max = 500) String reason) {}

    @Operation(
            summary = "Prepare batches (one per payee bank) of a province's scheduled payments under a program year",
            description = "Each payment's budget is reserved as it is batched; what does not fit stays scheduled with "
                    + "the reason.")
    @PostMapping
    List<PaymentBatches.Batch> prepare(@Valid @RequestBody PrepareRequest request, Officer officer) {
        return LockConflicts.call(
                "batch preparation",
                () -> batches.prepare(
                        request.programId(),
                        request.cycleId(),
                        request.provinceCode(),
                        officer.reference(),
                        officer.displayName()));
    }

    @Operation(summary = "Batches of a province, newest first", description = "state: PREPARED, APPROVED or REJECTED")
    @GetMapping
    List<PaymentBatches.Batch> list(@RequestParam String provinceCode, @RequestParam(required = false) String state) {
        return batches.list(provinceCode, state);
    }

    @GetMapping("/{batchId}")
    ResponseEntity<PaymentBatches.Batch> get(@PathVariable UUID batchId) {
        return ResponseEntity.of(batches.find(batchId));
    }

    @Operation(
            summary = "Approve a prepared batch for transfer (not by the officer who prepared it: 403)",
            description = "The approver is the caller; a body, if sent, must not name anyone.")
    @PostMapping("/{batchId}/approval")
    ResponseEntity<PaymentBatches.Batch> approve(@PathVariable UUID batchId, Officer officer) {
        return ResponseEntity.ok(LockConflicts.call(
                "approval of batch " + batchId,
                () -> batches.approve(batchId, officer.reference(), officer.displayName())));
    }

    @Operation(
            summary = "Reject a prepared batch with a reason: its payments return to the pool and their budget is "
                    + "released")
    @PostMapping("/{batchId}/rejection")
    ResponseEntity<PaymentBatches.Batch> reject(
            @PathVariable UUID batchId, @Valid @RequestBody RejectRequest request, Officer officer) {
        return ResponseEntity.ok(LockConflicts.call(
                "rejection of batch " + batchId,
                () -> batches.reject(
                        batchId,
                        officer.reference(),
                        officer.displayName(),
                        request.reason().strip())));
    }
}
