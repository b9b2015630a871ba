package id.go.kemensos.returnee.casework.cases;

import id.go.kemensos.returnee.casework.grievance.Grievances;
import id.go.kemensos.returnee.casework.reference.CaseWorkerAreas;
import id.go.kemensos.returnee.contracts.casework.CaseReassigned;
import id.go.kemensos.returnee.messaging.Outbox;
import id.go.kemensos.returnee.security.Officer;
import id.go.kemensos.returnee.security.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A province's office hands a case worker's cases (or the cases nobody follows yet) to another case worker of the
 * province: the case, its due follow-ups and the person's open grievances that case worker owned move together, one
 * {@link CaseReassigned} per case. The area list still decides who takes new cases.
 */
@Service
class CaseHandovers {

    private static final Logger log = LoggerFactory.getLogger(CaseHandovers.class);

    private final CaseFiles cases;
    private final Grievances grievances;
    private final CaseWorkerAreas areas;
    private final Outbox outbox;
    private final Clock clock;

    CaseHandovers(CaseFiles cases, Grievances grievances, CaseWorkerAreas areas, Outbox outbox, Clock clock) {
        this.cases = cases;
        this.grievances = grievances;
        this.areas = areas;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** One line of the province's roster: a case worker (null: nobody) and how many of the province's cases they follow. */
    public record CaseWorkerLoad(String caseWorker, long cases) {}

    /** The province's case workers with their cases, and the cases nobody follows, for the office deciding a handover. */
    @Transactional(readOnly = true)
    public List<CaseWorkerLoad> roster(Officer officer) {
        String province = officeProvince(officer);
        Map<String, Long> counts = cases.casesByWorker(province);
        List<CaseWorkerLoad> roster = new ArrayList<>();
        Set<String> names = new TreeSet<>(areas.ofProvince(province));
        counts.keySet().stream().filter(Objects::nonNull).forEach(names::add);
        names.forEach(n -> roster.add(new CaseWorkerLoad(n, counts.getOrDefault(n, 0L))));
        roster.add(new CaseWorkerLoad(null, counts.getOrDefault(null, 0L)));
        return roster;
    }

    /**
     * @param from        the case worker whose cases move; null for the province's cases without one
     * @param regencyCode only the cases of this regency; null for the whole province
     * @return how many cases moved
     */
    @Transactional
    public int handOver(String from, String to, String regencyCode, Officer officer) {
        String province = officeProvince(officer);
        if (regencyCode != null) {
            officer.provinceFor(regencyCode.substring(0, 2)); // another province's regency: 403, as asked openly
        }
        Set<String> roster = areas.ofProvince(province);
        if (!roster.contains(to)) {
            throw Refusal.invalid("Pendamping " + to + " tidak terdaftar di provinsi " + province + " (terdaftar: "
                    + String.join(", ", roster) + ") / " + to
                    + " is not a case worker of province " + province);
        }
        if (Objects.equals(from, to)) {
            throw Refusal.invalid("Kasus sudah diikuti " + to + " / these cases are already " + to + "'s");
        }
        Instant now = clock.instant();
        List<CaseFiles.CaseFile> moving = cases.followedInProvinceForUpdate(province, from, regencyCode);
        for (CaseFiles.CaseFile c : moving) {
            cases.reassign(c.caseId(), to);
            grievances.onCaseHandedOver(c.beneficiaryId(), from, to);
            outbox.append(new CaseReassigned(
                    c.caseId(),
                    c.beneficiaryId(),
                    c.provinceCode(),
                    c.regencyCode(),
                    from,
                    to,
                    officer.reference(),
                    now));
        }
        log.info(
                "{} handed {} case(s) of province {}{} from {} to {}",
                officer,
                moving.size(),
                province,
                regencyCode == null ? "" : ", regency " + regencyCode,
                from == null ? "nobody" : from,
                to);
        return moving.size();
    }

    /** Handovers are the province's office's: an officer bound to no province has none to hand over. */
    private static String officeProvince(Officer officer) {
        return officer.provinceScope()
                .orElseThrow(() -> Refusal.forbidden("Hanya kantor provinsi yang menyerahkan kasus / only a"
                        + " province's office hands cases over"));
    }
}
