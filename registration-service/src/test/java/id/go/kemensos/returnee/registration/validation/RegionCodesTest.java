package id.go.kemensos.returnee.registration.validation;

import static id.go.kemensos.returnee.registration.validation.ValidationFixtures.REGIONS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RegionCodesTest {

    @ParameterizedTest
    @CsvSource({
        "52, Nusa Tenggara Barat",
        "11, Aceh",
        "91, Papua",
        "92, Papua Barat",
        "93, Papua Selatan",
        "94, Papua Tengah",
        "95, Papua Pegunungan",
        "96, Papua Barat Daya"
    })
    void namesKemendagriProvinces(String code, String name) {
        assertThat(REGIONS.provinceName(code)).contains(name);
    }

    @Test
    void followsTheNtbChainFromProvinceToDistrict() {
        assertThat(REGIONS.provinceName("52")).contains("Nusa Tenggara Barat");
        assertThat(REGIONS.regencyName("5202")).contains("Kabupaten Lombok Tengah");
        assertThat(REGIONS.districtName("520201")).contains("Praya");
    }

    @Test
    void usesKemendagriCodesNotBpsCodes() {
        // BPS 5202010 is Praya Barat; Kemendagri 52.02.01 is Praya.
        assertThat(REGIONS.districtName("520201")).contains("Praya");
        assertThat(REGIONS.districtName("5202010")).isEmpty();
    }

    @Test
    void knowsPapuaRegenciesUnderTheir2022Provinces() {
        assertThat(REGIONS.regencyName("9301")).contains("Kabupaten Merauke");
        assertThat(REGIONS.regencyName("9101"))
                .as("Merauke's code before Papua Selatan was formed")
                .isEmpty();
        assertThat(REGIONS.regencyName("9671")).contains("Kota Sorong");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"99", "5", "520", "5299", "529901"})
    void answersNothingForUnknownOrMalformedCodes(String code) {
        assertThat(REGIONS.provinceName(code)).isEmpty();
        assertThat(REGIONS.regencyName(code)).isEmpty();
        assertThat(REGIONS.districtName(code)).isEmpty();
    }

    @Test
    void doesNotAnswerACodeAtTheWrongLevel() {
        assertThat(REGIONS.regencyName("52")).isEmpty();
        assertThat(REGIONS.provinceName("5202")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "52, LOMBOK TENGAH, 5202",
        "52, Kab. Lombok Tengah, 5202",
        "52, kabupaten  lombok tengah, 5202",
        "52, KAB LOMBOK TENGAH, 5202",
        "52, BIMA, 5206",
        "52, KAB. BIMA, 5206",
        "52, KOTA BIMA, 5272",
        "52, MATARAM, 5271",
        "52, Kota Mataram, 5271",
        "96, SORONG, 9601",
        "96, KOTA SORONG, 9671",
        "92, FAKFAK, 9203",
        "63, KOTA BARU, 6302"
    })
    void findsTheRegencyAClerkNamed(String province, String written, String code) {
        assertThat(REGIONS.regencyCodeByName(province, written)).contains(code);
    }

    @ParameterizedTest
    @CsvSource({"52, LOTENG", "52, LOMBOK", "51, LOMBOK TENGAH", "52, KOTA LOMBOK TENGAH"})
    void findsNoRegencyForNamesOutsideTheProvinceOrUnknown(String province, String written) {
        assertThat(REGIONS.regencyCodeByName(province, written)).isEmpty();
    }

    @Test
    void findsARegencyInAnyProvince() {
        assertThat(REGIONS.regencyCodeByName("Lombok Timur")).contains("5203");
    }

    @Test
    void shipsTheLicenceNoticeAndVersionWithTheData() throws IOException {
        String csv = resource(RegionCodes.RESOURCE);
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).startsWith("# ").contains("300.2.2-2138", "cahyadsn/wilayah", "MIT");
        assertThat(lines.get(1)).startsWith("# ").contains("villages dropped");
        assertThat(lines.get(2)).isEqualTo("code,name");
        assertThat(lines.stream().filter(l -> l.matches("\\d{2},.*"))).hasSize(38);
        assertThat(lines.stream().filter(l -> l.matches("\\d{4},.*"))).hasSize(514);
        assertThat(lines.stream().filter(l -> l.matches("\\d{6},.*"))).hasSize(7285);
        assertThat(lines.stream().filter(l -> l.matches("\\d{10},.*")))
                .as("no villages")
                .isEmpty();
        assertThat(resource("/reference/wilayah-kemendagri-2025.NOTICE"))
                .contains("MIT License", "copyright (c) 2025 by cahya dsn", "Kepmendagri No 300.2.2-2138 Tahun 2025");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = RegionCodesTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void knowsTheRegencyCodesThatPapuasSplitRetired() {
        assertThat(REGIONS.regencyName("9101")).as("gone from the 2025 list").isEmpty();
        assertThat(REGIONS.renumbered("9101")).hasValueSatisfying(r -> {
            assertThat(r.newCode()).isEqualTo("9301");
            assertThat(REGIONS.regencyName(r.newCode())).contains(r.name());
        });
        assertThat(REGIONS.renumbered("9271").map(RegionCodes.Renumbered::newCode))
                .contains("9671");
        assertThat(REGIONS.renumbered("9103")).as("Jayapura stayed in Papua").isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "76, MAMUJU UTARA, 7601",
        "76, Kab. Mamuju Utara, 7601",
        "81, MALUKU TENGGARA BARAT, 8103",
        "12, TOBA SAMOSIR, 1212",
        "75, PAHUWATO, 7504",
        "73, PANGKAJENE KEPULAUAN, 7310",
        "76, PASANGKAYU, 7601",
        "12, TOBA, 1212"
    })
    void findsARegencyUnderTheNameAnOlderListWrites(String province, String written, String code) {
        assertThat(REGIONS.regencyCodeByName(province, written)).contains(code);
        assertThat(REGIONS.regencyName(code))
                .as("the current name stays the regency's name")
                .isPresent();
    }

    @Test
    void aFormerNameLeadsOnlyToItsOwnRegency() {
        assertThat(REGIONS.regencyName("7601")).contains("Kabupaten Pasangkayu");
        assertThat(REGIONS.regencyCodeByName("51", "MAMUJU UTARA"))
                .as("not in Bali")
                .isEmpty();
        assertThat(REGIONS.regencyCodeByName("KOTA MAMUJU UTARA"))
                .as("it was a kabupaten")
                .isEmpty();
    }
}
