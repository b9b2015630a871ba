package id.go.kemensos.returnee.notification.sms;

import id.go.kemensos.returnee.security.Officer;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Counts for the dashboards: SMS by province and state (delivered or failed as the gateway reported), within the
 * officer's reach.
 */
@RestController
class SmsReportController {

    private final SmsMessages messages;

    SmsReportController(SmsMessages messages) {
        this.messages = messages;
    }

    @Operation(
            summary = "SMS by province and state: QUEUED, SENT, DELIVERED, FAILED, WITHHELD (a provincial officer's "
                    + "own province only; counts, no one's data)")
    @GetMapping("/api/reports/sms")
    List<Map<String, Object>> byProvince(@RequestParam(required = false) String provinceCode, Officer officer) {
        return messages.countByProvince(officer.provinceFor(provinceCode));
    }
}
