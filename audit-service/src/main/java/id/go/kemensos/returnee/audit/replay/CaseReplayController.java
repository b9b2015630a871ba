package id.go.kemensos.returnee.audit.replay;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

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
    CaseOfferReplay.Result replay(@RequestBody(required = false) List<CaseOfferReplay.LiveCount> liveReport) {
        return replay.replay(liveReport);
    }
}
