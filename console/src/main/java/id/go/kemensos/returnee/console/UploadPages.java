package id.go.kemensos.returnee.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A provincial clerk's upload: choose or drop a CSV or XLSX list, then watch its progress (htmx polls a fragment until
 * the upload is done) and download the error report of the rows that were rejected, to fix and upload again.
 */
@Controller
class UploadPages {

    private final OfficerRelay services;

    UploadPages(OfficerRelay services) {
        this.services = services;
    }

    @GetMapping("/uploads/new")
    String form() {
        return "upload-form";
    }

    @PostMapping("/uploads")
    String upload(@RequestParam("file") MultipartFile file, RedirectAttributes redirect) throws IOException {
        if (file.isEmpty()) {
            redirect.addFlashAttribute("problem", "upload.empty");
            return "redirect:/uploads/new";
        }
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add(
                "file",
                file.getResource()); // keeps the file name the clerk chose: the service stores it with the upload
        ResponseEntity<UploadProgress> reply = services.registration()
                .post()
                .uri("/api/uploads")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form)
                .retrieve()
                .toEntity(UploadProgress.class);
        UploadProgress upload = reply.getBody();
        if (reply.getStatusCode().value() == 200) {
            redirect.addFlashAttribute("notice", "upload.seen-before");
        }
        return "redirect:/uploads/" + upload.uploadId();
    }

    @GetMapping("/uploads/{uploadId}")
    String upload(@PathVariable UUID uploadId, Model model) {
        model.addAttribute("upload", progressOf(uploadId));
        return "upload";
    }

    /** The progress fragment htmx swaps in every second until the upload is done (then it stops polling). */
    @GetMapping("/uploads/{uploadId}/progress")
    String progress(@PathVariable UUID uploadId, Model model) {
        model.addAttribute("upload", progressOf(uploadId));
        return "upload :: progress";
    }

    @GetMapping("/uploads/{uploadId}/error-report")
    ResponseEntity<byte[]> errorReport(@PathVariable UUID uploadId) {
        byte[] csv = services.registration()
                .get()
                .uri("/api/uploads/{id}/error-report", uploadId)
                .retrieve()
                .body(byte[].class);
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("laporan-kesalahan-" + uploadId + ".csv", StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv == null ? new byte[0] : csv);
    }

    private UploadProgress progressOf(UUID uploadId) {
        return services.registration()
                .get()
                .uri("/api/uploads/{id}", uploadId)
                .retrieve()
                .body(UploadProgress.class);
    }
}
