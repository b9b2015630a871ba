package id.go.kemensos.returnee.casework.reference;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who takes the cases of an area (reference/case-worker-areas.csv): the regency's case worker, else the province's;
 * and who works in a province (those the area list names there, and reference/case-workers.csv), to whom its office
 * may hand cases over.
 */
@Component
public class CaseWorkerAreas {

    private final Map<String, String> byArea = new HashMap<>();
    private final Map<String, Set<String>> byProvince = new HashMap<>();

    public CaseWorkerAreas(@Value("${casework.reference-dir:}") String referenceDir) {
        for (var row : CaseReference.rows(referenceDir, "case-worker-areas.csv", "area,case_worker")) {
            String area = row.get("area");
            if (!area.matches("\\d{2}|\\d{4}")) {
                throw new IllegalStateException("case-worker-areas.csv: area " + area
                        + " is neither a province (2 digits) nor a regency (4 digits)");
            }
            byArea.put(area, row.get("case_worker"));
            worksIn(row.get("case_worker"), area.substring(0, 2));
        }
        for (var row : CaseReference.rows(referenceDir, "case-workers.csv", "case_worker,province")) {
            if (!row.get("province").matches("\\d{2}")) {
                throw new IllegalStateException("case-workers.csv: province " + row.get("province") + " of "
                        + row.get("case_worker") + " is not a two-digit code");
            }
            worksIn(row.get("case_worker"), row.get("province"));
        }
    }

    private void worksIn(String caseWorker, String provinceCode) {
        byProvince.computeIfAbsent(provinceCode, p -> new TreeSet<>()).add(caseWorker);
    }

    /** The case workers of a province, by login name. */
    public Set<String> ofProvince(String provinceCode) {
        return Set.copyOf(byProvince.getOrDefault(provinceCode, Set.of()));
    }

    /** The case worker for a person of this regency (its first two digits are the province), if any. */
    public Optional<String> caseWorkerFor(String regencyCode) {
        String worker = byArea.get(regencyCode);
        if (worker == null && regencyCode != null && regencyCode.length() >= 2) {
            worker = byArea.get(regencyCode.substring(0, 2));
        }
        return Optional.ofNullable(worker);
    }
}
