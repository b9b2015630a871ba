package id.go.kemensos.returnee.registration.upload;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kemensos.returnee.registration.sheet.SheetCell;
import id.go.kemensos.returnee.registration.sheet.SheetColumn;
import id.go.kemensos.returnee.registration.sheet.SheetRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NikColumnDamageTest {

    @Test
    void aListWhoseNiksNearlyAllEndInZeroIsRefusedSayingWhyInBothLanguages() {
        List<SheetRow> rows = rows(20, 18);
        assertThat(NikColumnDamage.in(rows))
                .hasValueSatisfying(reason -> assertThat(reason)
                        .contains("18 dari 20 NIK berakhiran 0")
                        .contains("18 of 20 NIKs end in 0")
                        .contains("Format the NIK column as Text"));
    }

    @Test
    void anOrdinaryListOrTooFewNiksProveNothing() {
        assertThat(NikColumnDamage.in(rows(20, 3))).isEmpty(); // one in ten, as NIKs go
        assertThat(NikColumnDamage.in(rows(20, 17))).isEmpty(); // under nine in ten
        assertThat(NikColumnDamage.in(rows(9, 9))).isEmpty(); // too few to tell
    }

    @Test
    void onlySixteenDigitNiksCount() {
        List<SheetRow> rows = rows(9, 9);
        rows.add(row(100, "5.20201E+15")); // Excel's scientific form: each row is rejected on its own
        rows.add(row(101, ""));
        assertThat(NikColumnDamage.in(rows)).isEmpty();
    }

    /** {@code count} rows with 16-digit NIKs, the first {@code endingInZero} of them ending in 0. */
    private static List<SheetRow> rows(int count, int endingInZero) {
        List<SheetRow> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String nik = String.format("520201%09d%d", 100_000 + i, i < endingInZero ? 0 : 1 + i % 9);
            rows.add(row(i + 2, nik));
        }
        return rows;
    }

    private static SheetRow row(long number, String nik) {
        return new SheetRow(number, Map.of(SheetColumn.NIK, SheetCell.text(nik)), List.of(nik));
    }
}
