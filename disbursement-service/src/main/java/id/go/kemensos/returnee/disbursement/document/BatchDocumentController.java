package id.go.kemensos.returnee.disbursement.document;

import id.go.kemensos.returnee.messaging.PersonalDataAccessLog;
import id.go.kemensos.returnee.security.Officer;
import id.go.kemensos.returnee.security.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A batch's documents for finance and auditors: they name every payee (masked NIK and account), so each download is
 * recorded in the personal-data access log.
 */
@RestController
class BatchDocumentController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final BatchDocuments documents;
    private final PersonalDataAccessLog accessLog;

    BatchDocumentController(BatchDocuments documents, PersonalDataAccessLog accessLog) {
        this.documents = documents;
        this.accessLog = accessLog;
    }

    @Operation(summary = "The batch's nominal list (daftar nominatif) as XLSX, maker and checker named")
    @GetMapping("/api/batches/{batchId}/nominal-list.xlsx")
    ResponseEntity<byte[]> nominalListXlsx(@PathVariable UUID batchId, Officer officer) {
        return file(batchId, officer, "nominal-list.xlsx", XLSX, BatchDocumentFiles::nominalListXlsx);
    }

    @Operation(summary = "The batch's nominal list (daftar nominatif) as PDF, with the maker's and checker's names")
    @GetMapping("/api/batches/{batchId}/nominal-list.pdf")
    ResponseEntity<byte[]> nominalListPdf(@PathVariable UUID batchId, Officer officer) {
        return file(
                batchId, officer, "nominal-list.pdf", MediaType.APPLICATION_PDF, BatchDocumentFiles::nominalListPdf);
    }

    @Operation(
            summary = "The handover record (berita acara serah terima) of an approved batch as PDF (409 before its"
                    + " checker approved it)")
    @GetMapping("/api/batches/{batchId}/handover-record.pdf")
    ResponseEntity<byte[]> handoverRecord(@PathVariable UUID batchId, Officer officer) {
        return file(batchId, officer, "handover-record.pdf", MediaType.APPLICATION_PDF, list -> {
            if (!list.approved()) {
                throw Refusal.conflict("Berita acara dibuat setelah batch disetujui; batch ini " + list.state()
                        + " / the handover record is made once the batch is approved; this one is " + list.state());
            }
            return BatchDocumentFiles.handoverRecordPdf(list);
        });
    }

    private ResponseEntity<byte[]> file(
            UUID batchId, Officer officer, String name, MediaType type, Function<NominalList, byte[]> render) {
        NominalList list = documents
                .nominalList(batchId)
                .orElseThrow(() -> Refusal.notFound("Batch " + batchId + " tidak ada / no such batch"));
        byte[] file = render.apply(list);
        accessLog.export(
                officer.reference(),
                "EXPORT_BATCH_DOCUMENT",
                "/api/batches/" + batchId + "/" + name,
                list.lines().size() + " payees named");
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("batch-" + batchId + "-" + name)
                                .build()
                                .toString())
                .body(file);
    }
}
