package id.go.kemensos.returnee.registration.upload;

import id.go.kemensos.returnee.contracts.registration.Sex;
import id.go.kemensos.returnee.contracts.registration.TraffickingStatus;
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
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * A desk registration checked as the row of a list it would have been: the same validator, the same problems. A row
 * an upload would hold for review is refused at the desk, with the problem, for the officer to correct (or to register
 * through a list, whose held rows an officer reviews).
 */
@Component
class DeskRegistrationRules implements RegistrationRules {

    /** One field of the request: the list's column it stands in, and its value as a clerk would type it there. */
    private record DeskField(SheetColumn column, String name, Function<RegisterReturneeRequest, String> text) {}

    private final ReturneeRowValidator rows;
    private final List<DeskField> fields;
    /** The request's field by the list's column name, so that a problem names what the officer filled in. */
    private final Map<String, String> fieldBySheetName;

    DeskRegistrationRules(ReturneeRowValidator rows, RegionCodes regions) {
        this.rows = rows;
        this.fields = List.of(
                new DeskField(SheetColumn.NIK, "nik", RegisterReturneeRequest::nik),
                new DeskField(SheetColumn.NO_KK, "familyCardNumber", RegisterReturneeRequest::familyCardNumber),
                new DeskField(SheetColumn.NAMA, "fullName", RegisterReturneeRequest::fullName),
                new DeskField(
                        SheetColumn.JENIS_KELAMIN,
                        "sex",
                        r -> r.sex() == null ? null : r.sex() == Sex.MALE ? "L" : "P"),
                new DeskField(SheetColumn.TANGGAL_LAHIR, "birthDate", r -> text(r.birthDate())),
                new DeskField(
                        SheetColumn.KABUPATEN_KOTA,
                        "regencyCode",
                        r -> regions.regencyName(r.regencyCode()).orElse(r.regencyCode())),
                new DeskField(SheetColumn.NO_HP, "phone", RegisterReturneeRequest::phone),
                new DeskField(SheetColumn.KATEGORI, "category", r -> text(r.category())),
                new DeskField(SheetColumn.STATUS_TPPO, "traffickingStatus", r -> sheetText(r.traffickingStatus())),
                new DeskField(
                        SheetColumn.NEGARA_TUJUAN, "destinationCountry", RegisterReturneeRequest::destinationCountry),
                new DeskField(SheetColumn.TANGGAL_KEPULANGAN, "returnDate", r -> text(r.returnDate())),
                new DeskField(SheetColumn.SUMBER_RUJUKAN, "referralSource", RegisterReturneeRequest::referralSource),
                new DeskField(SheetColumn.KODE_BANK, "bankCode", RegisterReturneeRequest::bankCode),
                new DeskField(SheetColumn.NO_REKENING, "accountNumber", RegisterReturneeRequest::accountNumber),
                new DeskField(
                        SheetColumn.NAMA_PEMILIK_REKENING,
                        "accountHolderName",
                        RegisterReturneeRequest::accountHolderName),
                new DeskField(SheetColumn.STATUS_DTKS, "dtksListed", r -> r.dtksListed() ? "YA" : "TIDAK"),
                new DeskField(
                        SheetColumn.DESIL_DTSEN,
                        "dtsenDecile",
                        r -> r.dtsenDecile() == null ? "" : r.dtsenDecile().toString()),
                new DeskField(
                        SheetColumn.IKUT_BIMBINGAN,
                        "attendedSocialGuidance",
                        r -> r.attendedSocialGuidance() ? "YA" : "TIDAK"));
        this.fieldBySheetName =
                fields.stream().collect(Collectors.toMap(f -> f.column().sheetName(), DeskField::name));
    }

    @Override
    public Checked<RegisterReturneeRequest> check(RegisterReturneeRequest request) {
        RowVerdict verdict = rows.validate(rowOf(request), request.provinceCode());
        List<Problem> problems = verdict.problems().stream()
                .map(p -> new Problem(
                        fieldBySheetName.getOrDefault(p.column(), p.column()),
                        p.code(),
                        p.messageId(),
                        p.messageEn(),
                        p.severity()))
                .toList();
        return new Checked<>(
                verdict.outcome() == RowVerdict.Outcome.ACCEPTED ? verdict.returnee() : Optional.empty(), problems);
    }

    /** The request as a clerk would have typed it into the list. */
    private SheetRow rowOf(RegisterReturneeRequest request) {
        Map<SheetColumn, SheetCell> cells = new EnumMap<>(SheetColumn.class);
        for (DeskField field : fields) {
            String text = field.text().apply(request);
            if (text != null) {
                cells.put(field.column(), SheetCell.text(text));
            }
        }
        return new SheetRow(0, cells, new ArrayList<>());
    }

    /** A status as status_tppo writes it. */
    private static String sheetText(TraffickingStatus status) {
        if (status == null) {
            return null;
        }
        return switch (status) {
            case NONE -> "TIDAK";
            case INDICATED -> "TERINDIKASI";
            case IDENTIFIED -> "KORBAN";
        };
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
