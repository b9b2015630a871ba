package id.go.kemensos.returnee.casework.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** case-service's lists against each other and against the rule sets whose entitlements they offer. */
class CaseReferenceTest {

    private static final Pattern ENTITLEMENT = Pattern.compile("(?m)^  - code: ([A-Z_]+)$");

    private final ServiceCatalogue services = new ServiceCatalogue("");
    private final PartnerDirectory partners = new PartnerDirectory("");
    private final CaseWorkerAreas areas = new CaseWorkerAreas("");

    @Test
    void everyEntitlementOfEveryShippedRuleSetIsAListedServiceThatSomeNtbPartnerProvides() throws IOException {
        Set<String> entitlements = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("../eligibility-service/src/main/resources/rulesets"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                String text = Files.readString(file);
                Matcher code = ENTITLEMENT.matcher(text.substring(text.indexOf("\nentitlements:")));
                while (code.find()) {
                    entitlements.add(code.group(1));
                }
            }
        }
        assertThat(entitlements).contains("BUSINESS_STIMULANT_GRANT", "PSYCHOSOCIAL", "RETURN_ASSISTANCE");
        Set<String> listed =
                services.all().stream().map(ServiceCatalogue.CaseService::code).collect(Collectors.toSet());
        assertThat(listed).containsAll(entitlements);
        for (String code : entitlements) {
            assertThat(partners.serving("52", services.of(code).partnerTypes()))
                    .as("a partner in NTB (the Lombok list's province) for " + code)
                    .isNotEmpty();
        }
    }

    @Test
    void everyServiceServesADimensionThatAssessmentsScore() {
        NeedDimensions dimensions = new NeedDimensions("");
        Set<String> scored =
                dimensions.all().stream().map(NeedDimensions.Dimension::code).collect(Collectors.toSet());
        assertThat(scored).contains("ECONOMIC", "SOCIAL", "PSYCHOSOCIAL", "HEALTH", "LEGAL", "HOUSING", "EDUCATION");
        assertThat(services.all())
                .allSatisfy(s -> assertThat(scored).as(s.code()).contains(s.dimension()));
        assertThat(dimensions.all())
                .extracting(NeedDimensions.Dimension::iomDimension)
                .containsOnly("ECONOMIC", "SOCIAL", "PSYCHOSOCIAL");
    }

    @Test
    void aServiceNotListedYetIsStillOfferedUnderItsCode() {
        ServiceCatalogue.CaseService unlisted = services.of("NEW_SERVICE");
        assertThat(unlisted.nameId()).isEqualTo("NEW_SERVICE");
        assertThat(unlisted.partnerTypes()).isEmpty();
    }

    @Test
    void partnersServeTheirProvinceOrTheWholeCountry() {
        assertThat(partners.byId("national-lpsk").orElseThrow().serves("52")).isTrue();
        assertThat(partners.byId("bali-uptd-ppa").orElseThrow().serves("52")).isFalse();
        assertThat(partners.serving("51", Set.of("UPTD_PPA")))
                .extracting(PartnerDirectory.Partner::id)
                .containsExactly("bali-uptd-ppa");
        Set<String> types =
                services.all().stream().flatMap(s -> s.partnerTypes().stream()).collect(Collectors.toSet());
        assertThat(partners.serving(null, Set.of()))
                .allSatisfy(p -> assertThat(types).as(p.id()).contains(p.type()))
                .allSatisfy(p -> assertThat(p.province()).matches("\\d{2}"));
    }

    @Test
    void aRegencyWithoutItsOwnCaseWorkerGoesToTheProvincesAndAnEditedListReplacesTheShippedOne(@TempDir Path dir)
            throws IOException {
        assertThat(areas.caseWorkerFor("5202")).contains("caseworker.ntb");
        assertThat(areas.caseWorkerFor("5171")).contains("caseworker.bali");
        assertThat(areas.caseWorkerFor("3171")).isEmpty();
        assertThat(areas.ofProvince("52")).contains("caseworker.ntb", "caseworker.bima");
        assertThat(areas.ofProvince("51")).containsExactly("caseworker.bali");

        Files.writeString(
                dir.resolve("case-worker-areas.csv"),
                "# Lombok Tengah has its own\narea,case_worker\n5202,pendamping.loteng\n52,caseworker.ntb\n");
        CaseWorkerAreas edited = new CaseWorkerAreas(dir.toString());
        assertThat(edited.caseWorkerFor("5202")).contains("pendamping.loteng");
        assertThat(edited.caseWorkerFor("5203")).contains("caseworker.ntb");
        assertThat(edited.caseWorkerFor("5171")).isEmpty();
        assertThat(edited.ofProvince("52"))
                .as("the area list's and the shipped roster's")
                .contains("pendamping.loteng", "caseworker.ntb", "caseworker.bima");
        assertThat(new PartnerDirectory(dir.toString()).byId("ntb-uptd-ppa"))
                .as("a list the directory does not hold is the shipped one")
                .isPresent();
    }

    @Test
    void aListWithAnotherHeaderOrABadAreaIsRefusedAtStart(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("partners.csv"), "id,name\nx,y\n");
        assertThatThrownBy(() -> new PartnerDirectory(dir.toString()))
                .hasMessageContaining("expected id,province,type,name,contact,capacity");
        Files.writeString(dir.resolve("case-worker-areas.csv"), "area,case_worker\n52.02,someone\n");
        assertThatThrownBy(() -> new CaseWorkerAreas(dir.toString())).hasMessageContaining("52.02");
    }
}
