package id.go.kemensos.returnee.disbursement.reconciliation;

import id.go.kemensos.returnee.security.Officer;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/reconciliations")
class ReconciliationController {

    private final StatementReconciliation reconciliation;

    ReconciliationController(StatementReconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @Operation(
            summary = "Import a bank statement (CSV, or SWIFT MT940) and match it to the ledger; answers the breaks",
            description =
                    "The format is recognised from the content. The same statement imported again answers the first "
                            + "reconciliation. 400 when the statement cannot be read, with the line or MT940 entry.")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> reconcile(@RequestParam("file") MultipartFile file, Officer officer)
            throws IOException, NoSuchAlgorithmException {
        Path copy = Files.createTempFile("statement-", ".txt");
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(file.getInputStream(), sha256)) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            return ResponseEntity.ok(reconciliation.reconcile(
                    copy, file.getOriginalFilename(), HexFormat.of().formatHex(sha256.digest()), officer.reference()));
        } catch (StatementReconciliation.UnreadableStatement e) {
            return ResponseEntity.badRequest()
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage()));
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    @GetMapping("/{reconciliationId}")
    ResponseEntity<StatementReconciliation.Reconciliation> get(@PathVariable UUID reconciliationId) {
        return ResponseEntity.of(reconciliation.find(reconciliationId));
    }
}
