package id.go.kemensos.returnee.casework.cases;

import id.go.kemensos.returnee.security.Officer;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A referral partner's own system (role REFERRAL_PARTNER, the partner named by its token): the referrals made to it
 * and their outcomes. It learns the service and the regency, never who the person is.
 */
@RestController
class PartnerReferralController {

    private static final int LIMIT = 500;

    private final CaseFiles cases;
    private final Casework casework;

    PartnerReferralController(CaseFiles cases, Casework casework) {
        this.cases = cases;
        this.casework = casework;
    }

    @Operation(
            summary = "The referrals made to the partner of the token, newest first (500 at most); open=true: only"
                    + " those still waiting for an outcome")
    @GetMapping("/api/partner/referrals")
    List<CaseFiles.PartnerReferral> referrals(@RequestParam(defaultValue = "false") boolean open, Officer partner) {
        return cases.referredTo(partner.partnerScope().orElseThrow(), open, LIMIT);
    }

    @Operation(
            summary = "The partner records whether it delivered the service: DELIVERED or NOT_DELIVERED, with a note"
                    + " for the case worker (once; a referral to another partner is 404)")
    @PostMapping("/api/partner/referrals/{referralId}/outcome")
    ResponseEntity<Void> outcome(
            @PathVariable UUID referralId, @Valid @RequestBody CaseController.Outcome outcome, Officer partner) {
        casework.recordOutcome(referralId, outcome.outcome(), outcome.note(), partner);
        return ResponseEntity.noContent().build();
    }
}
