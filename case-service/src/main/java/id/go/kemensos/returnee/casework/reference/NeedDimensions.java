package id.go.kemensos.returnee.casework.reference;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The dimensions a needs assessment scores (reference/need-dimensions.csv), in the order the case worker asks. */
@Component
public class NeedDimensions {

    /** One dimension: its code, IOM's dimension it belongs to, its names and what the case worker asks about. */
    public record Dimension(String code, String iomDimension, String nameId, String nameEn, String looksAt) {}

    private final Map<String, Dimension> byCode = new LinkedHashMap<>();

    public NeedDimensions(@Value("${casework.reference-dir:}") String referenceDir) {
        for (var row : CaseReference.rows(
                referenceDir, "need-dimensions.csv", "code,iom_dimension,name_id,name_en,looks_at")) {
            byCode.put(
                    row.get("code"),
                    new Dimension(
                            row.get("code"),
                            row.get("iom_dimension"),
                            row.get("name_id"),
                            row.get("name_en"),
                            row.get("looks_at")));
        }
    }

    public List<Dimension> all() {
        return List.copyOf(byCode.values());
    }

    public Optional<Dimension> byCode(String code) {
        return Optional.ofNullable(byCode.get(code));
    }
}
