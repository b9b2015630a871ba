package id.go.kemensos.returnee.registration.returnee;

import id.go.kemensos.returnee.contracts.registration.BankAccount;
import id.go.kemensos.returnee.contracts.registration.TraffickingStatus;
import id.go.kemensos.returnee.messaging.PersonalDataAccessLog;
import id.go.kemensos.returnee.privacy.BlindIndex;
import id.go.kemensos.returnee.registration.assignment.CaseAssignments;
import id.go.kemensos.returnee.registration.validation.Checked;
import id.go.kemensos.returnee.registration.validation.Problem;
import id.go.kemensos.returnee.security.Officer;
import id.go.kemensos.returnee.security.OfficerRole;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.lang3.StringUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/returnees")
class ReturneeController {

    private final ReturneeRegistry registry;
    private final ReturneeErasure erasure;
    private final PersonalDataAccessLog accessLog;
    private final RegistrationRules rules;
    private final CaseAssignments assignments;

    ReturneeController(
            ReturneeRegistry registry,
            ReturneeErasure erasure,
            PersonalDataAccessLog accessLog,
            RegistrationRules rules,
            CaseAssignments assignments) {
        this.assignments = assignments;
        this.rules = rules;
        this.registry = registry;
        this.erasure = erasure;
        this.accessLog = accessLog;
    }

    @Operation(
            summary = "Register one returnee at a desk",
            description = "Creates the beneficiary and emits ReturneeRegistered. A provincial officer registers people "
                    + "of their own province only. Registering a NIK that is already known changes nothing.")
    @ApiResponse(responseCode = "201", description = "Registered; the body carries the new pseudonymous beneficiary id")
    @ApiResponse(
            responseCode = "200",
            description = "This NIK was already registered in your province; the body is the existing beneficiary")
    @ApiResponse(
            responseCode = "409",
            description = "This NIK is registered in another province (nothing about that person is said)")
    @ApiResponse(responseCode = "400", description = "A field is missing or malformed; the problem names the field")
    @ApiResponse(
            responseCode = "422",
            description =
                    "The data fails a rule a row of an uploaded list must pass (the NIK's date, sex or region, the "
                            + "domicile, the phone, the bank code or account), or needs an officer's review; `problems` names "
                            + "each field, in Bahasa Indonesia and English")
    @PostMapping
    ResponseEntity<?> register(@Valid @RequestBody RegisterReturneeRequest request, Officer officer) {
        officer.provinceFor(request.provinceCode());
        Checked<RegisterReturneeRequest> checked = rules.check(request);
        if (checked.value().isEmpty()) {
            boolean review = !Problem.anyError(checked.problems());
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    review
                            ? "Data perlu diperiksa petugas: cocokkan dengan KTP dan perbaiki, atau daftarkan lewat "
                                    + "unggahan daftar agar barisnya ditinjau / An officer must check this data against "
                                    + "the ID card and correct it, or register it in an uploaded list whose row is "
                                    + "reviewed"
                            : "Data tidak memenuhi aturan pendaftaran / The data fails the registration rules");
            problem.setProperty("problems", checked.problems());
            return ResponseEntity.unprocessableEntity().body(problem);
        }
        ReturneeRegistry.Registration registration =
                registry.register(checked.value().get(), null);
        if (!registration.created() && !officer.reaches(registration.returnee().provinceCode())) {
            return ResponseEntity.status(HttpStatus.CONFLICT)
                    .body(ProblemDetail.forStatusAndDetail(
                            HttpStatus.CONFLICT,
                            "NIK ini sudah terdaftar di provinsi lain / this NIK is already registered in "
                                    + "another province"));
        }
        ReturneeView view = ReturneeView.of(registration.returnee(), officer);
        return registration.created()
                ? ResponseEntity.created(URI.create("/api/returnees/" + view.beneficiaryId()))
                        .body(view)
                : ResponseEntity.ok(view);
    }

    @Operation(
            summary = "Amend a returnee's phone, payout account, DTSEN decile or family card",
            description = "Raises ReturneeUpdated when something changed; identity (name, sex, birth date) cannot be "
                    + "amended here.")
    @PatchMapping("/{beneficiaryId}")
    ResponseEntity<ReturneeView> amend(
            @PathVariable UUID beneficiaryId, @Valid @RequestBody AmendReturneeRequest request, Officer officer) {
        if (registry.find(beneficiaryId, officer.provinceScope()).isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        BankAccount account = request.bankCode() == null
                ? null
                : new BankAccount(request.bankCode(), request.accountNumber(), request.accountHolderName());
        registry.amend(
                beneficiaryId, request.phone(), account, request.dtsenDecile(), request.familyCardNumber(), null);
        return registry.find(beneficiaryId, officer.provinceScope())
                .map(r -> ReturneeView.of(r, officer))
                .map(ResponseEntity::ok)
                .orElse(ResponseEntity.notFound().build());
    }

    record TraffickingStatusRequest(@NotNull TraffickingStatus status) {}

    @Operation(
            summary = "Record whether a returnee is indicated or identified as a trafficking victim (protection "
                    + "officers)",
            description =
                    "NONE, INDICATED (a screening found signs; to be assessed) or IDENTIFIED (assessed or referred "
                            + "as a victim). Kept apart from the category, so that a deportee identified as a victim stays a "
                            + "deportee under Law 18/2017 and is decided under Law 21/2007 as well. Raises ReturneeUpdated with "
                            + "the status sealed (`changed` says only `sealedDetails`); eligibility decides again.")
    @PutMapping("/{beneficiaryId}/trafficking-status")
    ResponseEntity<ReturneeView> recordTraffickingStatus(
            @PathVariable UUID beneficiaryId, @Valid @RequestBody TraffickingStatusRequest request, Officer officer) {
        if (registry.find(beneficiaryId, officer.provinceScope()).isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        registry.recordTraffickingStatus(beneficiaryId, request.status());
        // Generic on purpose: the access log is read by auditors, who may not learn who is a victim.
        accessLog.read(officer.reference(), beneficiaryId, "AMEND_SEALED_DETAILS", "/api/returnees/" + beneficiaryId);
        return registry.find(beneficiaryId, officer.provinceScope())
                .map(r -> ReturneeView.of(r, officer))
                .map(ResponseEntity::ok)
                .orElse(ResponseEntity.notFound().build());
    }

    @Operation(
            summary = "List returnees, newest first, filtered by province, regency, status or upload (NIK and "
                    + "account masked)",
            description =
                    "status is where the returnee stands downstream: REGISTERED, ELIGIBLE, INELIGIBLE, NEEDS_REVIEW, "
                            + "PAYMENT_SCHEDULED, PAYMENT_AWAITING_BUDGET, PAYMENT_APPROVED, PAYMENT_SENT, "
                            + "PAYMENT_FAILED, PAID, PAYMENT_RETURNED, PAYMENT_CANCELLED (the person declined the grant), "
                            + "CASH_AT_POST_OFFICE (no bank account: the cash waits at a post office) or "
                            + "CASH_UNCLAIMED (not collected by its deadline).")
    @GetMapping
    ReturneePage list(
            @RequestParam(required = false) String provinceCode,
            @RequestParam(required = false) String regencyCode,
            @RequestParam(required = false) ReturneeStatus status,
            @RequestParam(required = false) UUID uploadId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            Officer officer) {
        ReturneeFilter filter = new ReturneeFilter(officer.provinceFor(provinceCode), regencyCode, status, uploadId);
        int pageSize = Math.max(1, Math.min(size, 500));
        List<ReturneeView> people = registry.search(filter, Math.max(0, page), pageSize).stream()
                .map(r -> ReturneeView.of(r, officer))
                .toList();
        accessLog.export(
                officer.reference(),
                "LIST_RETURNEES",
                "/api/returnees?" + filter.describe() + "&page=" + Math.max(0, page),
                people.size() + " people");
        return new ReturneePage(people, Math.max(0, page), pageSize, registry.count(filter));
    }

    record ReturneePage(List<ReturneeView> items, int page, int size, long total) {}

    @Operation(
            summary = "Show one returnee by beneficiary id (NIK and account masked); 404 for a person of another "
                    + "province")
    @GetMapping("/{beneficiaryId}")
    ResponseEntity<ReturneeView> get(@PathVariable UUID beneficiaryId, Officer officer) {
        return registry.find(beneficiaryId, officer.provinceScope())
                .filter(r -> !readsOwnCasesOnly(officer) || assignments.follows(officer.username(), beneficiaryId))
                .map(r -> {
                    accessLog.read(
                            officer.reference(), beneficiaryId, "READ_RETURNEE", "/api/returnees/" + beneficiaryId);
                    return ResponseEntity.ok(ReturneeView.of(r, officer));
                })
                .orElse(ResponseEntity.notFound().build());
    }

    /** A case worker (and nothing more) reads the people of their own cases only: anyone else is not found. */
    private static boolean readsOwnCasesOnly(Officer officer) {
        return officer.roles().contains(OfficerRole.CASE_WORKER)
                && java.util.Collections.disjoint(
                        officer.roles(),
                        java.util.EnumSet.of(
                                OfficerRole.PROVINCIAL_OFFICER,
                                OfficerRole.MINISTRY_OFFICER,
                                OfficerRole.AUDITOR,
                                OfficerRole.PROTECTION_OFFICER));
    }

    record ErasureRequest(
            @Size(max = 32) String ground, @Size(max = 500) String reason) {}

    record NikLookup(String nik) {}

    record NameSearch(String name, String provinceCode, String regencyCode, ReturneeStatus status) {}

    static final int NAME_SEARCH_LIMIT = 200;

    @Operation(
            summary = "Find returnees by name: every word typed, whole words, in any order (\"siti aminah\"), newest "
                    + "first",
            description = "The name is in the body, so that it stands in no URL or log line; names are sealed, so they "
                    + "are found "
                    + "through keyed tokens of their words and confirmed by opening them. Filters as the "
                    + "list (a provincial officer: "
                    + "their own province). At most 200 people; recorded in the access log.")
    @ApiResponse(responseCode = "400", description = "No word of two letters or more")
    @PostMapping("/search")
    ResponseEntity<?> searchByName(@RequestBody NameSearch request, Officer officer) {
        List<String> words = BlindIndex.nameWords(request.name());
        if (words.isEmpty()) {
            return ResponseEntity.badRequest()
                    .body(ProblemDetail.forStatusAndDetail(
                            HttpStatus.BAD_REQUEST,
                            "Tulis minimal satu kata nama (2 huruf atau lebih) / write at least one word "
                                    + "of the name (2 letters or more)"));
        }
        ReturneeFilter filter = new ReturneeFilter(
                officer.provinceFor(request.provinceCode()),
                StringUtils.stripToNull(request.regencyCode()),
                request.status(),
                null);
        List<ReturneeView> people = registry.searchByName(filter, words, NAME_SEARCH_LIMIT).stream()
                .map(r -> ReturneeView.of(r, officer))
                .toList();
        accessLog.export(
                officer.reference(),
                "SEARCH_RETURNEES_BY_NAME",
                "/api/returnees/search?" + filter.describe(),
                people.size() + " people");
        return ResponseEntity.ok(new ReturneePage(people, 0, NAME_SEARCH_LIMIT, people.size()));
    }

    @Operation(
            summary = "Find a returnee by their full NIK, sent in the body so that it never stands in a URL or a log "
                    + "line",
            description =
                    "Spaces, dots and dashes are ignored. 404 when nobody within the officer's reach is registered "
                            + "under it "
                            + "(another province's person, or an erased one, is not found). Recorded in the access "
                            + "log.")
    @ApiResponse(responseCode = "400", description = "Not 16 digits")
    @PostMapping("/lookup")
    ResponseEntity<?> lookup(@RequestBody NikLookup request, Officer officer) {
        String nik = request.nik() == null ? "" : request.nik().replaceAll("[\\s.-]", "");
        if (!nik.matches("\\d{16}")) {
            return ResponseEntity.badRequest()
                    .body(ProblemDetail.forStatusAndDetail(
                            HttpStatus.BAD_REQUEST, "NIK terdiri dari 16 angka / a NIK is 16 digits"));
        }
        return registry.findByNik(nik, officer.provinceScope())
                .<ResponseEntity<?>>map(r -> {
                    accessLog.read(
                            officer.reference(), r.beneficiaryId(), "LOOKUP_RETURNEE_BY_NIK", "/api/returnees/lookup");
                    return ResponseEntity.ok(ReturneeView.of(r, officer));
                })
                .orElse(ResponseEntity.notFound().build());
    }

    record ErasureView(UUID beneficiaryId, Instant erasedAt, String erasedBy, boolean erasedNow) {}

    @Operation(
            summary = "Erase a person's personal data (data protection officer)",
            description = "Destroys the person's data key: their name, NIK, birth date, phone, account, category and "
                    + "referral source "
                    + "become unreadable in every service, topic and ledger entry at once; payments, "
                    + "amounts and regions stay. ground: "
                    + "DATA_SUBJECT_REQUEST, RETENTION_ENDED or ORDER; reason: the request's reference (do "
                    + "not name the person). "
                    + "Raises PersonalDataErased. Erasing an erased person again changes nothing "
                    + "(erasedNow false). A later "
                    + "registration of the same NIK is a new person.")
    @ApiResponse(responseCode = "200", description = "Erased, now or before")
    @ApiResponse(responseCode = "404", description = "No such person")
    @ApiResponse(responseCode = "422", description = "The ground is not one of the three or the reason is missing")
    @PostMapping("/{beneficiaryId}/erasure")
    ResponseEntity<ErasureView> erase(
            @PathVariable UUID beneficiaryId, @Valid @RequestBody ErasureRequest request, Officer officer) {
        return erasure.erase(beneficiaryId, request.ground(), request.reason(), officer.reference())
                .map(done -> ResponseEntity.ok(new ErasureView(
                        beneficiaryId, done.erasure().erasedAt(), done.erasure().erasedBy(), done.erasedNow())))
                .orElse(ResponseEntity.notFound().build());
    }

    @ExceptionHandler(InvalidRegistrationException.class)
    ProblemDetail invalid(InvalidRegistrationException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        problem.setProperties(Map.of("field", e.field()));
        return problem;
    }
}
