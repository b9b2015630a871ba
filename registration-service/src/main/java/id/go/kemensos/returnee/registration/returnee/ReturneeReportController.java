package id.go.kemensos.returnee.registration.returnee;

import id.go.kemensos.returnee.security.Officer;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Counts for the dashboards: how many people each regency has registered, within the officer's reach. */
@RestController
class ReturneeReportController {

    private final ReturneeRepository returnees;

    ReturneeReportController(ReturneeRepository returnees) {
        this.returnees = returnees;
    }

    @Operation(
            summary = "Registered returnees by province and regency (a provincial officer's own province only; "
                    + "counts, no one's data)")
    @GetMapping("/api/reports/returnees")
    List<ReturneeRepository.RegencyCount> byRegency(
            @RequestParam(required = false) String provinceCode, Officer officer) {
        return returnees.countByRegency(officer.provinceFor(provinceCode));
    }

    @Operation(
            summary = "Who is reached, by regency, sex and age band (on the day of registration): registered, found"
                    + " eligible and paid (a provincial officer's own province only; counts, no one's data)")
    @GetMapping("/api/reports/returnees/reach")
    List<ReturneeRepository.ReachCount> reach(@RequestParam(required = false) String provinceCode, Officer officer) {
        return returnees.reach(officer.provinceFor(provinceCode));
    }
}
