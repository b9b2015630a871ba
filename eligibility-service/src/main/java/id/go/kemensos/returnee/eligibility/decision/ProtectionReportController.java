package id.go.kemensos.returnee.eligibility.decision;

import id.go.kemensos.returnee.messaging.PersonalDataAccessLog;
import id.go.kemensos.returnee.security.Officer;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The protection officers' report: whom the restricted laws (Law 21/2007) reach, by regency, sex and age band, so that
 * it shows whether women and men, young and old, are identified and served alike. Counts only, yet they are about
 * victims: protection officers alone read them (Art. 44), within their province where their account has one.
 */
@RestController
@RequestMapping("/api/protection-reports")
class ProtectionReportController {

    private final DecisionRepository decisions;
    private final PersonalDataAccessLog accessLog;

    ProtectionReportController(DecisionRepository decisions, PersonalDataAccessLog accessLog) {
        this.decisions = decisions;
        this.accessLog = accessLog;
    }

    @Operation(
            summary = "People the restricted laws reach, by rule set, regency, sex and age band (protection officers)",
            description = "Current decisions under a restricted law that entitle the person (ELIGIBLE) or wait for a "
                    + "protection officer (NEEDS_REVIEW: an indicated victim, or a referral not yet assessed); sex and "
                    + "age band (on the day of registration) UNKNOWN for people registered before they were kept.")
    @GetMapping("/reach")
    List<Map<String, Object>> reach(@RequestParam(required = false) String provinceCode, Officer officer) {
        String province = officer.provinceFor(provinceCode);
        List<Map<String, Object>> rows = decisions.restrictedReach(province);
        accessLog.export(
                officer.reference(),
                "PROTECTION_REACH_REPORT",
                "/api/protection-reports/reach" + (province == null ? "" : "?provinceCode=" + province),
                rows.size() + " rows of counts");
        return rows;
    }
}
