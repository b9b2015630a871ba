package id.go.kemensos.returnee.casework.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The referral partners (reference/partners.csv): government units (UPTD PPA, RPTC, Dinas Sosial, BP3MI, LPSK),
 * hospitals and clinics, legal aid posts and NGOs, each in a province ({@value #NATIONWIDE}: every province).
 */
@Component
public class PartnerDirectory {

    public static final String NATIONWIDE = "00";

    /** One partner: what kind it is, whom to contact, and how many people a month it said it can take (0: unknown). */
    public record Partner(String id, String province, String type, String name, String contact, int capacity) {

        public boolean serves(String provinceCode) {
            return province.equals(NATIONWIDE) || province.equals(provinceCode);
        }
    }

    private final List<Partner> partners = new ArrayList<>();

    public PartnerDirectory(@Value("${casework.reference-dir:}") String referenceDir) {
        for (var row : CaseReference.rows(referenceDir, "partners.csv", "id,province,type,name,contact,capacity")) {
            partners.add(new Partner(
                    row.get("id"),
                    row.get("province"),
                    row.get("type"),
                    row.get("name"),
                    row.get("contact"),
                    Integer.parseInt(row.get("capacity"))));
        }
    }

    public Optional<Partner> byId(String id) {
        return partners.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The partners serving a province (all when null), of the given kinds (all when empty). */
    public List<Partner> serving(String provinceCode, java.util.Set<String> types) {
        return partners.stream()
                .filter(p -> provinceCode == null || p.serves(provinceCode))
                .filter(p -> types.isEmpty() || types.contains(p.type()))
                .toList();
    }
}
