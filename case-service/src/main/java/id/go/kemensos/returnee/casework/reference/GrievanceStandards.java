package id.go.kemensos.returnee.casework.reference;

import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Within how many days each kind of grievance is settled (reference/grievance-kinds.csv): its service standard. */
@Component
public class GrievanceStandards {

    private final Map<String, Integer> days = new HashMap<>();

    public GrievanceStandards(@Value("${casework.reference-dir:}") String referenceDir) {
        for (var row : CaseReference.rows(referenceDir, "grievance-kinds.csv", "kind,days,name_id,name_en")) {
            days.put(row.get("kind"), Integer.parseInt(row.get("days")));
        }
    }

    /** The days to settle a grievance of this kind; a kind the list lacks stops nothing, it takes the longest. */
    public int daysToSettle(String kind) {
        return days.getOrDefault(
                kind, days.values().stream().mapToInt(Integer::intValue).max().orElse(30));
    }
}
