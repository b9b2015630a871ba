package id.go.kemensos.returnee.console;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case worker's pages: their cases and the follow-ups falling due, and a case with everything done in it: the
 * person's answer to each offer, referrals to partners and their outcome, the needs assessment, the plan, follow-ups.
 * case-service decides who may see and do what (its case worker; protection officers read); a refusal it explains is
 * shown on the case page, where the officer can put it right.
 */
@Controller
class CasePages {

    private static final ParameterizedTypeReference<List<CaseFile.Summary>> CASES =
            new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<List<CaseFile.FollowUpDue>> DUE =
            new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<List<CaseFile.Dimension>> DIMENSIONS =
            new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<List<CaseFile.Partner>> PARTNERS =
            new ParameterizedTypeReference<>() {};

    private final OfficerRelay services;
    private final Provinces provinces;

    CasePages(OfficerRelay services, Provinces provinces) {
        this.services = services;
        this.provinces = provinces;
    }

    @GetMapping("/cases")
    String queue(Model model) {
        List<CaseFile.Summary> cases =
                services.cases().get().uri("/api/cases").retrieve().body(CASES);
        List<CaseFile.FollowUpDue> due = services.cases()
                .get()
                .uri("/api/follow-ups?upcomingDays=30")
                .retrieve()
                .body(DUE);
        model.addAttribute("cases", cases == null ? List.of() : cases);
        model.addAttribute("followUps", due == null ? List.of() : due);
        return "cases";
    }

    @GetMapping("/cases/{caseId}")
    String caseFile(@PathVariable UUID caseId, Model model) {
        CaseFile file =
                services.cases().get().uri("/api/cases/{id}", caseId).retrieve().body(CaseFile.class);
        List<CaseFile.Dimension> dimensions =
                services.cases().get().uri("/api/need-dimensions").retrieve().body(DIMENSIONS);
        // The partners of the person's province that provide each service waiting for a referral.
        Map<String, List<CaseFile.Partner>> partners = new HashMap<>();
        for (CaseFile.Offer offer : file.offers()) {
            if (offer.mayBeReferred()) {
                partners.computeIfAbsent(
                        offer.service(),
                        service -> services.cases()
                                .get()
                                .uri(uri -> uri.path("/api/partners")
                                        .queryParam("province", file.summary().provinceCode())
                                        .queryParam("service", service)
                                        .build())
                                .retrieve()
                                .body(PARTNERS));
            }
        }
        Map<String, String> latest = new LinkedHashMap<>();
        if (!file.assessments().isEmpty()) {
            file.assessments().get(0).needs().forEach(n -> latest.put(n.dimension(), n.level()));
        }
        // Who the person is and how to reach them: the registration the case worker of the case may read (read by
        // someone without it, the page goes on without).
        ReturneePages.Person person = null;
        try {
            person = services.registration()
                    .get()
                    .uri("/api/returnees/{id}", file.summary().beneficiaryId())
                    .retrieve()
                    .body(ReturneePages.Person.class);
        } catch (OfficerRelay.Refused notTheirs) {
            // a protection officer without the province, say: the case is still theirs to read
        }
        model.addAttribute("person", person);
        model.addAttribute("file", file);
        model.addAttribute("regency", provinces.regencyName(file.summary().regencyCode()));
        model.addAttribute("dimensions", dimensions == null ? List.of() : dimensions);
        Map<String, CaseFile.Dimension> byCode = new HashMap<>();
        if (dimensions != null) {
            dimensions.forEach(d -> byCode.put(d.code(), d));
        }
        model.addAttribute("dimensionsByCode", byCode);
        model.addAttribute("latestNeeds", latest);
        model.addAttribute("partners", partners);
        model.addAttribute(
                "today",
                LocalDate.now(provinces.of(file.summary().provinceCode()).zone()));
        return "case";
    }

    @PostMapping("/cases/{caseId}/offers/{offerId}/answer")
    String answer(
            @PathVariable UUID caseId,
            @PathVariable UUID offerId,
            @RequestParam String answer,
            @RequestParam(defaultValue = "") String declineReason,
            @RequestParam(defaultValue = "") String note,
            RedirectAttributes redirect) {
        Map<String, Object> body = new HashMap<>(Map.of("answer", answer, "note", note));
        if (!declineReason.isBlank()) {
            body.put("declineReason", declineReason);
        }
        return send(caseId, "/api/offers/" + offerId + "/answer", body, "case.answered", redirect);
    }

    @PostMapping("/cases/{caseId}/offers/{offerId}/referral")
    String refer(
            @PathVariable UUID caseId,
            @PathVariable UUID offerId,
            @RequestParam(defaultValue = "") String partnerId,
            RedirectAttributes redirect) {
        return send(
                caseId,
                "/api/offers/" + offerId + "/referrals",
                Map.of("partnerId", partnerId),
                "case.referred",
                redirect);
    }

    @PostMapping("/cases/{caseId}/referrals/{referralId}/outcome")
    String outcome(
            @PathVariable UUID caseId,
            @PathVariable UUID referralId,
            @RequestParam String outcome,
            @RequestParam(defaultValue = "") String note,
            RedirectAttributes redirect) {
        return send(
                caseId,
                "/api/referrals/" + referralId + "/outcome",
                Map.of("outcome", outcome, "note", note),
                "case.outcome-recorded",
                redirect);
    }

    /** The assessment form: one {@code need.<DIMENSION>} field per dimension, and a note. */
    @PostMapping("/cases/{caseId}/assessment")
    String assess(
            @PathVariable UUID caseId, @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        Map<String, String> needs = new LinkedHashMap<>();
        form.forEach((field, values) -> {
            if (field.startsWith("need.") && !values.isEmpty() && !values.get(0).isBlank()) {
                needs.put(field.substring("need.".length()), values.get(0));
            }
        });
        String note = form.getFirst("note");
        return send(
                caseId,
                "/api/cases/" + caseId + "/assessments",
                Map.of("needs", needs, "note", note == null ? "" : note),
                "case.assessed",
                redirect);
    }

    @PostMapping("/cases/{caseId}/plan")
    String addStep(
            @PathVariable UUID caseId,
            @RequestParam(defaultValue = "") String dimension,
            @RequestParam(defaultValue = "") String action,
            @RequestParam(defaultValue = "") String offerId,
            @RequestParam(defaultValue = "") String dueOn,
            RedirectAttributes redirect) {
        Map<String, Object> body = new HashMap<>(Map.of("dimension", dimension, "action", action));
        if (!offerId.isBlank()) {
            body.put("offerId", offerId);
        }
        if (!dueOn.isBlank()) {
            body.put("dueOn", dueOn);
        }
        return send(caseId, "/api/cases/" + caseId + "/plan", body, "case.step-added", redirect);
    }

    @PostMapping("/cases/{caseId}/plan/{actionId}/outcome")
    String closeStep(
            @PathVariable UUID caseId,
            @PathVariable UUID actionId,
            @RequestParam String outcome,
            RedirectAttributes redirect) {
        return send(
                caseId,
                "/api/plan-actions/" + actionId + "/outcome",
                Map.of("outcome", outcome),
                "case.step-closed",
                redirect);
    }

    @PostMapping("/cases/{caseId}/follow-ups/{followUpId}")
    String followUp(
            @PathVariable UUID caseId,
            @PathVariable UUID followUpId,
            @RequestParam String contact,
            @RequestParam(defaultValue = "") String businessStatus,
            @RequestParam(defaultValue = "") String incomeBand,
            @RequestParam(defaultValue = "") String note,
            RedirectAttributes redirect) {
        Map<String, Object> body = new HashMap<>(Map.of("contact", contact, "note", note));
        if (!businessStatus.isBlank()) {
            body.put("businessStatus", businessStatus);
        }
        if (!incomeBand.isBlank()) {
            body.put("incomeBand", incomeBand);
        }
        return send(caseId, "/api/follow-ups/" + followUpId, body, "case.followed-up", redirect);
    }

    /** Posts a step to case-service and comes back to the case, telling the officer what happened or what to correct. */
    private String send(UUID caseId, String path, Map<String, ?> body, String notice, RedirectAttributes redirect) {
        try {
            services.cases()
                    .post()
                    .uri(path)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body)
                    .retrieve()
                    .toBodilessEntity();
            redirect.addFlashAttribute("notice", notice);
            redirect.addFlashAttribute("noticeRow", "");
        } catch (OfficerRelay.Refused refused) {
            refused.tellOn(redirect);
        }
        return "redirect:/cases/" + caseId;
    }
}
