package id.go.kemensos.returnee.eligibility.decision;

import id.go.kemensos.returnee.contracts.eligibility.Outcome;
import id.go.kemensos.returnee.eligibility.rules.RuleSetCatalog;
import id.go.kemensos.returnee.messaging.PersonalDataAccessLog;
import id.go.kemensos.returnee.security.Officer;
import id.go.kemensos.returnee.security.OfficerRole;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
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

@RestController
@RequestMapping("/api")
class DecisionController {

    private final DecisionRepository decisions;
    private final DecisionOverrides overrides;
    private final EligibilityDecisions eligibility;
    private final Reevaluations reevaluations;
    private final RuleSetCatalog catalog;
    private final PersonalDataAccessLog accessLog;

    DecisionController(
            DecisionRepository decisions,
            DecisionOverrides overrides,
            EligibilityDecisions eligibility,
            Reevaluations reevaluations,
            RuleSetCatalog catalog,
            PersonalDataAccessLog accessLog) {
        this.accessLog = accessLog;
        this.decisions = decisions;
        this.overrides = overrides;
        this.eligibility = eligibility;
        this.reevaluations = reevaluations;
        this.catalog = catalog;
    }

    record OverrideRequest(
            @NotNull Outcome outcome,
            @NotBlank @Size(max = 1000) String reason) {}

    record ReevaluationRequest(
            @Size(max = 100) String ruleSetId,
            @Pattern(regexp = "\\d{2}|\\s*") String provinceCode) {}

    record Page(List<Decision> items, int page, int size, long total) {}

    @Operation(
            summary = "A decision with its rule version, inputs, criteria results and citations, and any override",
            description = "Decisions under a restricted law (Law 21/2007) exist for protection officers only (404 for "
                    + "anyone else); the facts that identify a victim read [restricted] for everyone else.")
    @GetMapping("/decisions/{decisionId}")
    ResponseEntity<Decision> decision(@PathVariable UUID decisionId, Officer officer) {
        return ResponseEntity.of(decisions
                .find(decisionId, officer.province(), officer.knowsProtectionStatus())
                .map(d -> read(d, officer, "READ_DECISION", "/api/decisions/" + decisionId)));
    }

    @Operation(
            summary = "A decision explained in words",
            description = "lang=id (Bahasa Indonesia, default) or lang=en")
    @GetMapping(value = "/decisions/{decisionId}/explanation", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> explanation(
            @PathVariable UUID decisionId, @RequestParam(defaultValue = "id") String lang, Officer officer) {
        return decisions
                .find(decisionId, officer.province(), officer.knowsProtectionStatus())
                .map(d -> ResponseEntity.ok(DecisionExplainer.explain(
                        read(d, officer, "READ_DECISION", "/api/decisions/" + decisionId + "/explanation"),
                        !"en".equalsIgnoreCase(lang))))
                .orElse(ResponseEntity.notFound().build());
    }

    @Operation(
            summary = "Every decision of a beneficiary, newest first, superseded ones included (restricted ones for "
                    + "protection officers only)")
    @GetMapping("/beneficiaries/{beneficiaryId}/decisions")
    List<Decision> history(@PathVariable UUID beneficiaryId, Officer officer) {
        List<Decision> history =
                decisions.history(beneficiaryId, officer.province(), officer.knowsProtectionStatus()).stream()
                        .map(d -> asSeenBy(d, officer))
                        .toList();
        if (!history.isEmpty()) {
            accessLog.read(
                    officer.reference(),
                    beneficiaryId,
                    "READ_DECISIONS",
                    "/api/beneficiaries/" + beneficiaryId + "/decisions");
        }
        return history;
    }

    @Operation(
            summary = "Decisions that need an officer (NEEDS_REVIEW, or a refusal whose review the person requested;"
                    + " current, not yet overridden) in a province (or, "
                    + "for a nationwide officer without provinceCode, in all), oldest first",
            description = "The ministry's are those under the general laws and programs; a protection officer's those "
                    + "under restricted laws.")
    @GetMapping("/reviews")
    Page reviews(
            @RequestParam(required = false) String provinceCode,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            Officer officer) {
        String province = officer.provinceFor(provinceCode);
        boolean general = officer.roles().contains(OfficerRole.MINISTRY_OFFICER);
        boolean restricted = officer.knowsProtectionStatus();
        int pageSize = Math.max(1, Math.min(size, 500));
        return new Page(
                decisions.pendingReviews(province, general, restricted, Math.max(0, page), pageSize).stream()
                        .map(d -> asSeenBy(d, officer))
                        .toList(),
                Math.max(0, page),
                pageSize,
                decisions.countPendingReviews(province, general, restricted));
    }

    private Decision read(Decision decision, Officer officer, String action, String resource) {
        accessLog.read(officer.reference(), decision.beneficiaryId(), action, resource);
        return asSeenBy(decision, officer);
    }

    /** Need to know: the facts that identify a victim are withheld from everyone but protection officers. */
    private Decision asSeenBy(Decision decision, Officer officer) {
        return officer.knowsProtectionStatus() ? decision : decision.withheld(catalog.protectedInputs());
    }

    @Operation(
            summary = "An officer rules a decision that needs review ELIGIBLE or INELIGIBLE, with a mandatory "
                    + "reason; the decision itself is kept",
            description = "409 when the decision does not need review, was superseded or already overridden, or the "
                    + "grant was already paid for the program year.")
    @PostMapping("/decisions/{decisionId}/override")
    ResponseEntity<?> override(
            @PathVariable UUID decisionId, @Valid @RequestBody OverrideRequest request, Officer officer) {
        // A refusal (no such decision, not for this officer, already ruled...) is answered by the platform's
        // RefusalAnswers.
        return ResponseEntity.ok(asSeenBy(
                overrides.override(
                        decisionId, request.outcome(), officer, request.reason().strip()),
                officer));
    }

    @Operation(
            summary = "Decide a province's people (or everyone) again with the rules in force now, in the background",
            description =
                    "After the ministry ships a new rule version. ruleSetId (optional) limits it to one rule set. "
                            + "Answers 202 "
                            + "with the job (Location: its progress at GET /api/reevaluations/{id}); the same "
                            + "scope asked again while one "
                            + "runs answers 200 with that one. Only changed outcomes add decisions.")
    @PostMapping("/reevaluations")
    ResponseEntity<?> reevaluate(@Valid @RequestBody ReevaluationRequest request, Officer officer) {
        if (request.ruleSetId() != null && !catalog.ids().contains(request.ruleSetId())) {
            return ResponseEntity.badRequest()
                    .body(ProblemDetail.forStatusAndDetail(
                            HttpStatus.BAD_REQUEST,
                            "Aturan tidak dikenal / unknown rule set: " + request.ruleSetId() + "; known: "
                                    + catalog.ids()));
        }
        String province =
                request.provinceCode() == null || request.provinceCode().isBlank()
                        ? null
                        : request.provinceCode().strip();
        Reevaluations.Started started = reevaluations.start(province, request.ruleSetId(), officer.reference());
        return ResponseEntity.status(started.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .location(URI.create(
                        "/api/reevaluations/" + started.reevaluation().reevaluationId()))
                .body(started.reevaluation());
    }

    @Operation(
            summary = "A re-evaluation's progress: people gone through of the total, decisions made, outcomes "
                    + "changed, state")
    @GetMapping("/reevaluations/{reevaluationId}")
    ResponseEntity<Reevaluations.Reevaluation> reevaluation(@PathVariable UUID reevaluationId) {
        return ResponseEntity.of(reevaluations.find(reevaluationId));
    }
}
