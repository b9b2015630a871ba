package id.go.kemensos.returnee.registration.upload;

import id.go.kemensos.returnee.messaging.PersonalDataAccessLog;
import id.go.kemensos.returnee.registration.validation.Problem;
import id.go.kemensos.returnee.registration.validation.RegionCodes;
import id.go.kemensos.returnee.security.Officer;
import id.go.kemensos.returnee.security.SpreadsheetCsv;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@RequestMapping("/api/uploads")
class UploadController {

    private final UploadIntake intake;
    private final UploadRepository uploads;
    private final RegionCodes regions;

    private final HeldRowReview reviews;
    private final PersonalDataAccessLog accessLog;

    UploadController(
            UploadIntake intake,
            UploadRepository uploads,
            RegionCodes regions,
            HeldRowReview reviews,
            PersonalDataAccessLog accessLog) {
        this.accessLog = accessLog;
        this.reviews = reviews;
        this.intake = intake;
        this.uploads = uploads;
        this.regions = regions;
    }

    @Operation(
            summary = "Upload a provincial returnee list (CSV or XLSX)",
            description = "202 with the new upload's status; 200 with the first upload when the same file was uploaded "
                    + "before. The province is the officer's own (provinceCode may be left out; naming another is "
                    + "refused).")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> upload(
            @RequestParam("file") MultipartFile file,
            @RequestParam(value = "provinceCode", required = false) String requested,
            Officer officer)
            throws IOException {
        String provinceCode = officer.provinceFor(requested);
        if (provinceCode == null) {
            return ResponseEntity.badRequest()
                    .body(ProblemDetail.forStatusAndDetail(
                            HttpStatus.BAD_REQUEST, "Sebutkan kode provinsi / name the province: provinceCode"));
        }
        if (regions.provinceName(provinceCode).isEmpty()) {
            return ResponseEntity.badRequest()
                    .body(ProblemDetail.forStatusAndDetail(
                            HttpStatus.BAD_REQUEST,
                            "Kode provinsi tidak dikenal / unknown province code: " + provinceCode));
        }
        if (file.isEmpty()) {
            return ResponseEntity.badRequest()
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Berkas kosong / empty file"));
        }
        UploadIntake.Received received =
                intake.receive(file.getInputStream(), file.getOriginalFilename(), provinceCode);
        return received.isNew()
                ? ResponseEntity.accepted()
                        .location(URI.create("/api/uploads/" + received.upload().uploadId()))
                        .body(received.upload())
                : ResponseEntity.ok(received.upload());
    }

    /** An officer's decision on a held row; the reason is mandatory, whatever the decision. */
    record ReviewRequest(
            @NotNull HeldRowReview.Decision decision,
            @NotBlank @Size(max = 500) String reason) {}

    @Operation(
            summary =
                    "Rows held for review in a province's uploads (or in one upload), oldest upload first (NIK masked)")
    @GetMapping("/reviews")
    ResponseEntity<?> pendingReviews(
            @RequestParam(required = false) String provinceCode,
            @RequestParam(required = false) UUID uploadId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            Officer officer) {
        String province = officer.provinceFor(provinceCode);
        if (province == null) {
            return ResponseEntity.badRequest()
                    .body(ProblemDetail.forStatusAndDetail(
                            HttpStatus.BAD_REQUEST, "Sebutkan kode provinsi / name the province: provinceCode"));
        }
        int pageSize = Math.max(1, Math.min(size, 500));
        return ResponseEntity.ok(new HeldRowView.Page(
                uploads.pendingReviews(province, uploadId, Math.max(0, page), pageSize).stream()
                        .map(HeldRowView::of)
                        .toList(),
                Math.max(0, page),
                pageSize,
                uploads.countPendingReviews(province, uploadId)));
    }

    @Operation(
            summary = "Decide a held row: REGISTER the person or REJECT the row, with a mandatory reason (the "
                    + "officer is the caller)",
            description = "409 when the row is not held (already decided) or when REGISTER would overwrite another "
                    + "registered identity.")
    @PostMapping("/{uploadId}/rows/{rowNumber}/review")
    ResponseEntity<?> review(
            @PathVariable UUID uploadId,
            @PathVariable long rowNumber,
            @Valid @RequestBody ReviewRequest request,
            Officer officer) {
        if (ownUpload(uploadId, officer).isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        // A refusal (no such row, not held, another identity...) is answered by the platform's RefusalAnswers.
        return ResponseEntity.ok(HeldRowView.of(reviews.decide(
                uploadId,
                rowNumber,
                request.decision(),
                officer.reference(),
                request.reason().strip())));
    }

    @Operation(summary = "Status and counts of an upload, with progress while it runs")
    @GetMapping("/{uploadId}")
    ResponseEntity<UploadStatus> status(@PathVariable UUID uploadId, Officer officer) {
        return ResponseEntity.of(ownUpload(uploadId, officer));
    }

    /** An upload within the officer's reach: a provincial officer's own province only (another's is not found). */
    private Optional<UploadStatus> ownUpload(UUID uploadId, Officer officer) {
        return uploads.find(uploadId).filter(upload -> officer.reaches(upload.provinceCode()));
    }

    @Operation(
            summary = "Rejected rows as uploaded, with their problems added as columns, to fix and upload again",
            description = "410 once the rows as uploaded were purged, registration.upload.raw-row-retention after the "
                    + "upload's last decision.")
    @GetMapping(value = "/{uploadId}/error-report", produces = "text/csv")
    ResponseEntity<StreamingResponseBody> errorReport(@PathVariable UUID uploadId, Officer officer) {
        Optional<UploadStatus> own = ownUpload(uploadId, officer);
        if (own.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        uploads.rawRowsPurgedAt(uploadId).ifPresent(purgedAt -> {
            throw new UploadRefusals.RowsPurged(purgedAt);
        });
        accessLog.export(
                officer.reference(),
                "EXPORT_ERROR_REPORT",
                "/api/uploads/" + uploadId + "/error-report",
                own.get().rejected() + " rows of " + own.get().fileName());
        List<String> headers = uploads.headerNames(uploadId);
        List<String> columns = new ArrayList<>();
        columns.add("baris");
        columns.addAll(headers);
        columns.add("masalah");
        columns.add("problems");
        StreamingResponseBody body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            SpreadsheetCsv csv = SpreadsheetCsv.to(writer, columns);
            uploads.eachRejectedRow(uploadId, (row, raw, problems) -> {
                List<String> record = new ArrayList<>();
                record.add(String.valueOf(row));
                for (int i = 0; i < headers.size(); i++) {
                    record.add(i < raw.size() ? raw.get(i) : "");
                }
                record.add(describe(problems, true));
                record.add(describe(problems, false));
                csv.row(record);
            });
            csv.flush();
        };
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"upload-" + uploadId + "-errors.csv\"")
                .contentType(SpreadsheetCsv.MEDIA_TYPE)
                .body(body);
    }

    private static String describe(List<Problem> problems, boolean indonesian) {
        return problems.stream()
                .filter(Problem::isError)
                .map(p -> p.column() + ": " + (indonesian ? p.messageId() : p.messageEn()))
                .collect(Collectors.joining("; "));
    }
}
