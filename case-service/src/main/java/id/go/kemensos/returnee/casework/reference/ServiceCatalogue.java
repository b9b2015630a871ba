package id.go.kemensos.returnee.casework.reference;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The services decisions entitle people to (reference/services.csv): dimension, names and the partners' kinds. */
@Component
public class ServiceCatalogue {

    /** One service of the list. */
    public record CaseService(
            String code,
            String dimension,
            boolean deliveredByPayment,
            Set<String> partnerTypes,
            String nameId,
            String nameEn) {}

    private final Map<String, CaseService> byCode = new LinkedHashMap<>();

    public ServiceCatalogue(@Value("${casework.reference-dir:}") String referenceDir) {
        for (var row : CaseReference.rows(
                referenceDir, "services.csv", "code,dimension,delivered_by,partner_types,name_id,name_en")) {
            byCode.put(
                    row.get("code"),
                    new CaseService(
                            row.get("code"),
                            row.get("dimension"),
                            "PAYMENT".equals(row.get("delivered_by")),
                            Set.of(row.get("partner_types").split("\\s+")),
                            row.get("name_id"),
                            row.get("name_en")));
        }
    }

    /** The service of this code; one the list does not name yet is still a service, named by its code. */
    public CaseService of(String code) {
        CaseService known = byCode.get(code);
        return known != null ? known : new CaseService(code, "UNLISTED", false, Set.of(), code, code);
    }

    public List<CaseService> all() {
        return List.copyOf(byCode.values());
    }
}
