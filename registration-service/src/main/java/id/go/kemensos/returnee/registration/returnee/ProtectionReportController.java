package id.go.kemensos.returnee.registration.returnee;

import id.go.kemensos.returnee.messaging.PersonalDataAccessLog;
import id.go.kemensos.returnee.security.Officer;
import id.go.kemensos.returnee.security.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.concurrent.Semaphore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who is reached, by returnee category and trafficking status as well as regency, sex and age band: whether deportees,
 * regular returnees, family members and victims are registered, found eligible and paid alike. The category and the
 * status say who is a victim (Law 21/2007 Art. 44), so protection officers alone read these counts, within their
 * province where their account has one, and each reading is in the access log.
 */
@RestController
class ProtectionReportController {

    private final ReturneeRepository returnees;
    private final PersonalDataAccessLog accessLog;
    /** A count opens every seal of a province: one at a time, so that repeated requests cannot pile up. */
    private final Semaphore counting = new Semaphore(1);

    ProtectionReportController(ReturneeRepository returnees, PersonalDataAccessLog accessLog) {
        this.returnees = returnees;
        this.accessLog = accessLog;
    }

    @Operation(
            summary = "Who is reached, by regency, sex, age band, returnee category and trafficking status: registered,"
                    + " found eligible and paid (protection officers; counts, no one's data)",
            description = "Category and status are sealed with each person's key, so the report opens every person of"
                    + " the province (about 20 s for 100,000 people): one province at a time (400 without one), one"
                    + " count at a time (409 while another runs). UNKNOWN for an erased or unreadable person.")
    @GetMapping("/api/protection-reports/returnees")
    List<ReturneeRepository.CategoryReach> reachByCategory(
            @RequestParam(required = false) String provinceCode, Officer officer) {
        String province = officer.provinceFor(provinceCode);
        if (province == null) {
            throw Refusal.invalid(
                    "Sebutkan provinsinya (provinceCode): laporan ini membuka data setiap orang / name the"
                            + " province (provinceCode): this report opens every person's data");
        }
        if (!counting.tryAcquire()) {
            throw Refusal.conflict("Penghitungan lain sedang berjalan; coba lagi sebentar lagi / another count is"
                    + " running; try again shortly");
        }
        List<ReturneeRepository.CategoryReach> rows;
        try {
            rows = returnees.reachByCategory(province);
        } finally {
            counting.release();
        }
        accessLog.export(
                officer.reference(),
                "PROTECTION_CATEGORY_REPORT",
                "/api/protection-reports/returnees" + (province == null ? "" : "?provinceCode=" + province),
                rows.size() + " rows of counts");
        return rows;
    }
}
