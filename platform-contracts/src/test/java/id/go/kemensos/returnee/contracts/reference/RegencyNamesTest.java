package id.go.kemensos.returnee.contracts.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegencyNamesTest {

    private final RegencyNames names = RegencyNames.load();

    @Test
    void regenciesAndCitiesAreNamedAsAnSmsNamesTheirOffice() {
        assertThat(names.shortName("5202")).contains("Kab. Lombok Tengah");
        assertThat(names.shortName("5271")).contains("Kota Mataram");
        assertThat(names.shortName("3101")).contains("Kab. Adm. Kepulauan Seribu");
        assertThat(names.shortName("52")).as("a province is not a regency").isEmpty();
        assertThat(names.shortName("9999")).isEmpty();
        assertThat(names.longest()).hasSizeLessThanOrEqualTo(34);
    }
}
