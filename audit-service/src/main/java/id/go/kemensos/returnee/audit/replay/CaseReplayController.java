package id.go.kemensos.returnee.audit.replay;

import id.go.kemensos.returnee.security.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
class CaseReplayController {

    private final CaseOfferReplay replay;

    CaseReplayController(CaseOfferReplay replay) {
        this.replay = replay;
    }

    @Operation(
            summary = "Rebuild the offers of every case from case.events and case.protection.events alone, counted by"
                    + " province, service (PROTECTION_SERVICES for a victim's) and state",
            description = "The body (optional) is case-service's live report, GET :8086/api/case-reports/services, as"
                    + " it answered: the answer then lists every group where the replay and the report differ.")
    @PostMapping("/api/replays/cases")
    CaseOfferReplay.Result replay(@RequestBody(required = false) JsonNode liveReport) {
        if (liveReport != null && !liveReport.isArray()) {
            throw Refusal.invalid(
                    "Laporan langsung harus berupa daftar (JSON array) / the live report must be a JSON array");
        }
        return replay.replay(liveReport);
    }
}
