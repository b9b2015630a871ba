package id.go.kemensos.returnee.casework.cases;

import id.go.kemensos.returnee.casework.reference.PartnerDirectory;
import id.go.kemensos.returnee.casework.reference.ServiceCatalogue;
import id.go.kemensos.returnee.contracts.casework.FollowUpRecorded;
import id.go.kemensos.returnee.contracts.casework.OfferAnswered;
import id.go.kemensos.returnee.contracts.casework.ReferralOutcomeRecorded;
import id.go.kemensos.returnee.security.Officer;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CaseController {

    private final Casework casework;
    private final CaseQueries queries;
    private final PartnerDirectory partners;
    private final ServiceCatalogue services;

    CaseController(Casework casework, CaseQueries queries, PartnerDirectory partners, ServiceCatalogue services) {
        this.casework = casework;
        this.queries = queries;
        this.partners = partners;
        this.services = services;
    }

    record Answer(
            @NotNull OfferAnswered.Answer answer,
            OfferAnswered.DeclineReason declineReason,
            @Size(max = 500) String note) {}

    record ReferralRequest(@NotBlank @Size(max = 64) String partnerId) {}

    record Outcome(
            @NotNull ReferralOutcomeRecorded.Outcome outcome,
            @Size(max = 500) String note) {}

    record FollowUp(
            @NotNull FollowUpRecorded.Contact contact,
            FollowUpRecorded.BusinessStatus businessStatus,
            FollowUpRecorded.IncomeBand incomeBand,
            @Size(max = 500) String note) {}

    @Operation(
            summary = "The officer's cases: a case worker's own, a protection officer's province (newest first, 500 at"
                    + " most), each with how many offers wait for an answer, a referral or its outcome")
    @GetMapping("/api/cases")
    List<CaseQueries.CaseSummary> queue(@RequestParam(required = false) String province, Officer officer) {
        return queries.queue(officer, province);
    }

    @Operation(summary = "A case with its offers and their referrals (its case worker or a protection officer only)")
    @GetMapping("/api/cases/{caseId}")
    ResponseEntity<CaseQueries.CaseView> byId(@PathVariable UUID caseId, Officer officer) {
        return ResponseEntity.of(queries.byId(caseId, officer));
    }

    @Operation(summary = "A person's case, from their pseudonymous id (the person page's link)")
    @GetMapping("/api/beneficiaries/{beneficiaryId}/case")
    ResponseEntity<CaseQueries.CaseView> byBeneficiary(@PathVariable UUID beneficiaryId, Officer officer) {
        return ResponseEntity.of(queries.byBeneficiary(beneficiaryId, officer));
    }

    @Operation(
            summary = "Record the person's answer to an offer: ACCEPTED, or DECLINED with a declineReason (declining is"
                    + " normal); the note stays with the case and is erased with the person")
    @PostMapping("/api/offers/{offerId}/answer")
    ResponseEntity<Void> answer(@PathVariable UUID offerId, @Valid @RequestBody Answer answer, Officer officer) {
        casework.answer(offerId, answer.answer(), answer.declineReason(), answer.note(), officer);
        return ResponseEntity.noContent().build();
    }

    @Operation(
            summary = "Refer an accepted offer (or one not delivered) to a partner of the person's province that"
                    + " provides the service")
    @PostMapping("/api/offers/{offerId}/referrals")
    Map<String, UUID> refer(@PathVariable UUID offerId, @Valid @RequestBody ReferralRequest request, Officer officer) {
        return Map.of("referralId", casework.refer(offerId, request.partnerId(), officer));
    }

    @Operation(summary = "Record whether the partner delivered the service: DELIVERED or NOT_DELIVERED, with a note")
    @PostMapping("/api/referrals/{referralId}/outcome")
    ResponseEntity<Void> outcome(@PathVariable UUID referralId, @Valid @RequestBody Outcome outcome, Officer officer) {
        casework.recordOutcome(referralId, outcome.outcome(), outcome.note(), officer);
        return ResponseEntity.noContent().build();
    }

    @Operation(
            summary = "Open follow-ups due by today, oldest first, each marked overdue when past its due date by more"
                    + " than the grace (upcomingDays: also those due within that many days): a case worker's own, a"
                    + " protection officer's province")
    @GetMapping("/api/follow-ups")
    List<CaseQueries.FollowUpDue> followUps(
            @RequestParam(required = false) String province,
            @RequestParam(defaultValue = "0") int upcomingDays,
            Officer officer) {
        return queries.followUpQueue(officer, province, upcomingDays);
    }

    @Operation(
            summary = "Record a follow-up: VISIT or CALL with the business's state and income band, or NOT_REACHED;"
                    + " the note stays with the case")
    @PostMapping("/api/follow-ups/{followUpId}")
    ResponseEntity<Void> recordFollowUp(
            @PathVariable UUID followUpId, @Valid @RequestBody FollowUp followUp, Officer officer) {
        casework.recordFollowUp(
                followUpId,
                followUp.contact(),
                followUp.businessStatus(),
                followUp.incomeBand(),
                followUp.note(),
                officer);
        return ResponseEntity.noContent().build();
    }

    @Operation(
            summary = "Follow-ups by regency: scheduled, done, due, overdue, and the business at each person's latest"
                    + " follow-up")
    @GetMapping("/api/case-reports/follow-ups")
    List<CaseQueries.FollowUpReport> followUpReport(@RequestParam(required = false) String province, Officer officer) {
        return queries.followUpReport(officer, province);
    }

    @Operation(
            summary = "Whether women and men are reached alike: by regency and sex, cases, offers, offers accepted,"
                    + " declined and delivered, follow-ups done")
    @GetMapping("/api/case-reports/reach")
    List<CaseQueries.ReachReport> reach(@RequestParam(required = false) String province, Officer officer) {
        return queries.reachReport(officer, province);
    }

    @Operation(
            summary = "Offers by province, service and state; every service under a restricted law counted as"
                    + " PROTECTION_SERVICES")
    @GetMapping("/api/case-reports/services")
    List<CaseQueries.ServiceCount> serviceCounts(@RequestParam(required = false) String province, Officer officer) {
        return queries.serviceCounts(officer, province);
    }

    @Operation(
            summary = "Referral partners: those serving a province (default: the officer's) and, given a service code,"
                    + " those that provide it")
    @GetMapping("/api/partners")
    List<PartnerDirectory.Partner> partners(
            @RequestParam(required = false) String province,
            @RequestParam(required = false) String service,
            Officer officer) {
        Set<String> types = service == null || service.isBlank()
                ? Set.of()
                : services.of(service).partnerTypes();
        return partners.serving(officer.provinceFor(province), types);
    }
}
