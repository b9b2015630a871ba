package id.go.kemensos.returnee.console;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Finance: each province's ceiling and what is committed against it, the province's batches, preparing a batch (maker)
 * and approving or rejecting one (checker). Who may decide is disbursement-service's rule (never the maker of that
 * batch, by subject); the page says why an officer cannot, instead of offering a button that would be refused.
 */
@Controller
class FinancePages {

    private static final Map<String, MediaType> BATCH_DOCUMENTS = Map.of(
            "nominal-list.xlsx",
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            "nominal-list.pdf",
            MediaType.APPLICATION_PDF,
            "handover-record.pdf",
            MediaType.APPLICATION_PDF);

    private final OfficerRelay services;
    private final ConsoleFormats formats;
    private final Provinces provinces;

    FinancePages(OfficerRelay services, ConsoleFormats formats, Provinces provinces) {
        this.services = services;
        this.formats = formats;
        this.provinces = provinces;
    }

    @GetMapping("/finance")
    String finance(@RequestParam(required = false) String provinceCode, Model model) {
        List<Budget> budgets = services.disbursement()
                .get()
                .uri("/api/budgets")
                .retrieve()
                .body(new ParameterizedTypeReference<List<Budget>>() {});
        budgets = budgets == null
                ? List.of()
                : budgets.stream()
                        .sorted(Comparator.comparing(Budget::fiscalYear)
                                .reversed()
                                .thenComparing(Budget::provinceCode))
                        .toList();
        // The province asked for, else the first with a ceiling, else the first of the reference list.
        String province = provinceCode != null && !provinceCode.isBlank()
                ? provinceCode.strip()
                : budgets.isEmpty() ? provinces.codes().get(0) : budgets.get(0).provinceCode();
        List<PaymentBatch> batches = services.disbursement()
                .get()
                .uri(uri -> uri.path("/api/batches")
                        .queryParam("provinceCode", province)
                        .build())
                .retrieve()
                .body(new ParameterizedTypeReference<List<PaymentBatch>>() {});
        model.addAttribute("budgets", budgets);
        model.addAttribute("provinceCode", province);
        List<Budget> provinceLines =
                budgets.stream().filter(b -> b.provinceCode().equals(province)).toList();
        model.addAttribute("provinceLines", provinceLines);
        model.addAttribute("regencyBudgets", regencyLines(provinceLines));
        model.addAttribute("regencyCodes", provinces.regencyCodesOf(province));
        model.addAttribute("batches", batches == null ? List.of() : batches);
        model.addAttribute(
                "provinceCodes",
                budgets.stream().map(Budget::provinceCode).distinct().sorted().toList());
        model.addAttribute(
                "defaultYear",
                budgets.stream()
                        .filter(b -> b.provinceCode().equals(province))
                        .map(Budget::fiscalYear)
                        .findFirst()
                        .orElse(String.valueOf(java.time.Year.now())));
        return "finance";
    }

    /**
     * A maker sets a ceiling as they would write it ("Rp 480.000.000" or "480000000"); below what is committed is
     * refused.
     */
    @PostMapping("/finance/budgets")
    String setCeiling(
            @RequestParam String programId,
            @RequestParam String provinceCode,
            @RequestParam String fiscalYear,
            @RequestParam String ceiling,
            RedirectAttributes redirect) {
        Optional<Long> amount = rupiah(ceiling);
        if (amount.isEmpty()) {
            return unreadable(ceiling, provinceCode, redirect);
        }
        try {
            Budget set = services.disbursement()
                    .put()
                    .uri("/api/budgets/{program}/{province}/{year}", programId, provinceCode, fiscalYear)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("ceiling", amount.get()))
                    .retrieve()
                    .body(Budget.class);
            redirect.addFlashAttribute("notice", "finance.ceiling-set");
            redirect.addFlashAttribute("noticeRow", formats.rupiah(set == null ? amount.get() : set.ceiling()));
        } catch (OfficerRelay.Refused refused) {
            refused.tellOn(redirect);
        }
        return "redirect:/finance?provinceCode=" + provinceCode;
    }

    /** An amount as a finance officer writes it: "Rp 480.000.000" or "480000000"; empty when it is not one. */
    private static Optional<Long> rupiah(String written) {
        String digits = written.replaceAll("(?i)rp|[\\s.]", "");
        return digits.matches("\\d{1,15}") ? Optional.of(Long.parseLong(digits)) : Optional.empty();
    }

    private static String unreadable(String written, String provinceCode, RedirectAttributes redirect) {
        redirect.addFlashAttribute("problem", "finance.ceiling-unreadable");
        redirect.addFlashAttribute("problemRow", written);
        return "redirect:/finance?provinceCode=" + provinceCode;
    }

    /** The regencies' shares of the province's lines, each line's in regency order. */
    private List<RegencyBudget> regencyLines(List<Budget> provinceLines) {
        List<RegencyBudget> lines = new java.util.ArrayList<>();
        for (Budget line : provinceLines) {
            List<RegencyBudget> regencies = services.disbursement()
                    .get()
                    .uri(
                            "/api/budgets/{program}/{province}/{year}/regencies",
                            line.programId(),
                            line.provinceCode(),
                            line.fiscalYear())
                    .retrieve()
                    .body(new ParameterizedTypeReference<List<RegencyBudget>>() {});
            if (regencies != null) {
                lines.addAll(regencies);
            }
        }
        return lines;
    }

    /**
     * A maker shares a province's line out to a regency ("program year" of the line, the regency, the ceiling as they
     * would write it); below what the regency's payments hold is refused.
     */
    @PostMapping("/finance/regency-budgets")
    String setRegencyCeiling(
            @RequestParam String budgetLine,
            @RequestParam String provinceCode,
            @RequestParam String regencyCode,
            @RequestParam String ceiling,
            RedirectAttributes redirect) {
        Optional<Long> amount = rupiah(ceiling);
        String[] line = budgetLine.strip().split(" ");
        if (amount.isEmpty() || line.length != 2) {
            return unreadable(ceiling, provinceCode, redirect);
        }
        try {
            RegencyBudget set = services.disbursement()
                    .put()
                    .uri(
                            "/api/budgets/{program}/{province}/{year}/regencies/{regency}",
                            line[0],
                            provinceCode,
                            line[1],
                            regencyCode)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("ceiling", amount.get()))
                    .retrieve()
                    .body(RegencyBudget.class);
            redirect.addFlashAttribute("notice", "finance.regency-ceiling-set");
            redirect.addFlashAttribute(
                    "noticeRow",
                    provinces.regencyName(regencyCode) + ": "
                            + formats.rupiah(set == null ? amount.get() : set.ceiling()));
        } catch (OfficerRelay.Refused refused) {
            refused.tellOn(redirect);
        }
        return "redirect:/finance?provinceCode=" + provinceCode;
    }

    @PostMapping("/finance/batches")
    String prepare(
            @RequestParam String programId,
            @RequestParam String cycleId,
            @RequestParam String provinceCode,
            RedirectAttributes redirect) {
        List<PaymentBatch> prepared = services.disbursement()
                .post()
                .uri("/api/batches")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "programId",
                        programId.strip(),
                        "cycleId",
                        cycleId.strip(),
                        "provinceCode",
                        provinceCode.strip()))
                .retrieve()
                .body(new ParameterizedTypeReference<List<PaymentBatch>>() {});
        int count = prepared == null ? 0 : prepared.size();
        redirect.addFlashAttribute("notice", count == 0 ? "finance.prepared-none" : "finance.prepared");
        redirect.addFlashAttribute("noticeRow", count);
        return "redirect:/finance?provinceCode=" + provinceCode.strip();
    }

    /** A batch's document, fetched with the officer's own token (disbursement records the download). */
    @GetMapping("/finance/batches/{batchId}/documents/{name}")
    ResponseEntity<byte[]> document(@PathVariable UUID batchId, @PathVariable String name) {
        MediaType type = BATCH_DOCUMENTS.get(name);
        if (type == null) {
            return ResponseEntity.notFound().build();
        }
        byte[] file = services.disbursement()
                .get()
                .uri("/api/batches/{id}/" + name, batchId)
                .retrieve()
                .body(byte[].class);
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("batch-" + batchId + "-" + name)
                                .build()
                                .toString())
                .body(file == null ? new byte[0] : file);
    }

    @PostMapping("/finance/batches/{batchId}/approval")
    String approve(@PathVariable UUID batchId, @RequestParam String provinceCode, RedirectAttributes redirect) {
        services.disbursement()
                .post()
                .uri("/api/batches/{id}/approval", batchId)
                .retrieve()
                .toBodilessEntity();
        redirect.addFlashAttribute("notice", "finance.approved");
        return "redirect:/finance?provinceCode=" + provinceCode;
    }

    @PostMapping("/finance/batches/{batchId}/rejection")
    String reject(
            @PathVariable UUID batchId,
            @RequestParam String provinceCode,
            @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        ReasonedDecision.send(
                services.disbursement(),
                "/api/batches/{id}/rejection",
                batchId,
                reason,
                redirect,
                "finance.rejected",
                "finance.reason-needed");
        return "redirect:/finance?provinceCode=" + provinceCode;
    }
}
