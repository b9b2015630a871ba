package id.go.kemensos.returnee.registration.upload;

import id.go.kemensos.returnee.contracts.registration.Sex;
import id.go.kemensos.returnee.registration.returnee.RegisterReturneeRequest;
import id.go.kemensos.returnee.registration.returnee.RegistrationRules;
import id.go.kemensos.returnee.registration.sheet.SheetCell;
import id.go.kemensos.returnee.registration.sheet.SheetColumn;
import id.go.kemensos.returnee.registration.sheet.SheetRow;
import id.go.kemensos.returnee.registration.validation.Checked;
import id.go.kemensos.returnee.registration.validation.Problem;
import id.go.kemensos.returnee.registration.validation.RegionCodes;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A desk registration checked as the row of a list it would have been: the same validator, the same problems. A row
 * an upload would hold for review is refused at the desk, with the problem, for the officer to correct (or to register
 * through a list, whose held rows an officer reviews).
 */
@Component
class DeskRegistrationRules implements RegistrationRules {

    private final ReturneeRowValidator rows;
    private final RegionCodes regions;

    DeskRegistrationRules(ReturneeRowValidator rows, RegionCodes regions) {
        this.rows = rows;
        this.regions = regions;
    }

    /** The request's field for each column of the list, so that a problem names what the officer filled in. */
    private static final Map<SheetColumn, String> FIELDS = new EnumMap<>(Map.ofEntries(
            Map.entry(SheetColumn.NIK, "nik"),
            Map.entry(SheetColumn.NAMA, "fullName"),
            Map.entry(SheetColumn.JENIS_KELAMIN, "sex"),
            Map.entry(SheetColumn.TANGGAL_LAHIR, "birthDate"),
            Map.entry(SheetColumn.KABUPATEN_KOTA, "regencyCode"),
            Map.entry(SheetColumn.NO_HP, "phone"),
            Map.entry(SheetColumn.KATEGORI, "category"),
            Map.entry(SheetColumn.NEGARA_TUJUAN, "destinationCountry"),
            Map.entry(SheetColumn.TANGGAL_KEPULANGAN, "returnDate"),
            Map.entry(SheetColumn.SUMBER_RUJUKAN, "referralSource"),
            Map.entry(SheetColumn.KODE_BANK, "bankCode"),
            Map.entry(SheetColumn.NO_REKENING, "accountNumber"),
            Map.entry(SheetColumn.NAMA_PEMILIK_REKENING, "accountHolderName"),
            Map.entry(SheetColumn.STATUS_DTKS, "dtksListed"),
            Map.entry(SheetColumn.IKUT_BIMBINGAN, "attendedSocialGuidance")));

    @Override
    public Checked<RegisterReturneeRequest> check(RegisterReturneeRequest request) {
        RowVerdict verdict = rows.validate(rowOf(request), request.provinceCode());
        List<Problem> problems = verdict.problems().stream()
                .map(p -> new Problem(field(p.column()), p.code(), p.messageId(), p.messageEn(), p.severity()))
                .toList();
        return new Checked<>(
                verdict.outcome() == RowVerdict.Outcome.ACCEPTED ? verdict.returnee() : Optional.empty(), problems);
    }

    private static String field(String sheetColumn) {
        return FIELDS.entrySet().stream()
                .filter(e -> e.getKey().sheetName().equals(sheetColumn))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(sheetColumn);
    }

    /** The request as a clerk would have typed it into the list. */
    private SheetRow rowOf(RegisterReturneeRequest r) {
        Map<SheetColumn, SheetCell> cells = new EnumMap<>(SheetColumn.class);
        put(cells, SheetColumn.NIK, r.nik());
        put(cells, SheetColumn.NAMA, r.fullName());
        put(cells, SheetColumn.JENIS_KELAMIN, r.sex() == null ? null : r.sex() == Sex.MALE ? "L" : "P");
        put(
                cells,
                SheetColumn.TANGGAL_LAHIR,
                r.birthDate() == null ? null : r.birthDate().toString());
        put(
                cells,
                SheetColumn.KABUPATEN_KOTA,
                regions.regencyName(r.regencyCode()).orElse(r.regencyCode()));
        put(cells, SheetColumn.NO_HP, r.phone());
        put(
                cells,
                SheetColumn.KATEGORI,
                r.category() == null ? null : r.category().name());
        put(cells, SheetColumn.NEGARA_TUJUAN, r.destinationCountry());
        put(
                cells,
                SheetColumn.TANGGAL_KEPULANGAN,
                r.returnDate() == null ? null : r.returnDate().toString());
        put(cells, SheetColumn.SUMBER_RUJUKAN, r.referralSource());
        put(cells, SheetColumn.KODE_BANK, r.bankCode());
        put(cells, SheetColumn.NO_REKENING, r.accountNumber());
        put(cells, SheetColumn.NAMA_PEMILIK_REKENING, r.accountHolderName());
        put(cells, SheetColumn.STATUS_DTKS, r.dtksListed() ? "YA" : "TIDAK");
        put(cells, SheetColumn.IKUT_BIMBINGAN, r.attendedSocialGuidance() ? "YA" : "TIDAK");
        return new SheetRow(0, cells, new ArrayList<>());
    }

    private static void put(Map<SheetColumn, SheetCell> cells, SheetColumn column, String text) {
        if (text != null) {
            cells.put(column, SheetCell.text(text));
        }
    }
}
