package id.go.kemensos.returnee.registration.upload;

import id.go.kemensos.returnee.contracts.reference.BankCodes;
import id.go.kemensos.returnee.contracts.registration.ReturneeCategory;
import id.go.kemensos.returnee.contracts.registration.Sex;
import id.go.kemensos.returnee.contracts.registration.TraffickingStatus;
import id.go.kemensos.returnee.registration.returnee.RegisterReturneeRequest;
import id.go.kemensos.returnee.registration.sheet.SheetCell;
import id.go.kemensos.returnee.registration.sheet.SheetColumn;
import id.go.kemensos.returnee.registration.sheet.SheetRow;
import id.go.kemensos.returnee.registration.validation.BankAccountValidator;
import id.go.kemensos.returnee.registration.validation.Checked;
import id.go.kemensos.returnee.registration.validation.DomicileValidator;
import id.go.kemensos.returnee.registration.validation.FamilyCardValidator;
import id.go.kemensos.returnee.registration.validation.NikCheck;
import id.go.kemensos.returnee.registration.validation.NikValidator;
import id.go.kemensos.returnee.registration.validation.PhoneValidator;
import id.go.kemensos.returnee.registration.validation.Problem;
import id.go.kemensos.returnee.registration.validation.ProblemCode;
import id.go.kemensos.returnee.registration.validation.RegionCodes;
import id.go.kemensos.returnee.registration.validation.Severity;
import id.go.kemensos.returnee.registration.validation.SheetColumns;
import id.go.kemensos.returnee.registration.validation.SheetDates;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.lang3.StringUtils;

/**
 * Turns one row of a provincial returnee list into a verdict: accepted (with a normalised registration), rejected (with
 * every problem, so the clerk fixes the row once) or held for review (the data is well formed but an officer must
 * decide, e.g. the NIK and the sheet disagree on sex or birth date, or the person lives outside the uploading
 * province).
 */
public final class ReturneeRowValidator {

    /** Dates on the sheets are Indonesian dates: "today" for a return date is today in Jakarta. */
    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    private static final Set<String> COUNTRY_CODES = Set.of(Locale.getISOCountries());
    private static final Pattern DECILE = Pattern.compile("(?i)(?:desil\\s*)?(\\d{1,2})");

    private final NikValidator niks;
    private final PhoneValidator phones;
    private final BankAccountValidator banks;
    private final SheetDates dates;
    private final DomicileValidator domiciles;
    private final FamilyCardValidator familyCards;

    public ReturneeRowValidator(
            NikValidator niks,
            PhoneValidator phones,
            BankAccountValidator banks,
            SheetDates dates,
            DomicileValidator domiciles,
            FamilyCardValidator familyCards) {
        this.niks = niks;
        this.phones = phones;
        this.banks = banks;
        this.dates = dates;
        this.domiciles = domiciles;
        this.familyCards = familyCards;
    }

    /** The validator of uploaded sheets, on the shipped bank codes. */
    public static ReturneeRowValidator forSheets(RegionCodes regions, Clock clock) {
        Clock jakarta = clock.withZone(JAKARTA);
        return new ReturneeRowValidator(
                new NikValidator(regions, jakarta),
                new PhoneValidator(),
                new BankAccountValidator(BankCodes.load()),
                new SheetDates(jakarta),
                new DomicileValidator(regions),
                new FamilyCardValidator(regions));
    }

    public RowVerdict validate(SheetRow row, String uploadingProvince) {
        List<Problem> problems = new ArrayList<>();
        String name = required(row, SheetColumn.NAMA, problems);
        NikCheck nik = niks.validate(
                row.text(SheetColumn.NIK), row.cell(SheetColumn.NIK).typedAsNumber());
        problems.addAll(nik.problems());
        Optional<Sex> sex = sex(row, problems);
        Optional<LocalDate> birthDate = collect(dateOf(row, SheetColumn.TANGGAL_LAHIR, true), problems);
        Optional<LocalDate> returnDate = collect(dateOf(row, SheetColumn.TANGGAL_KEPULANGAN, false), problems);
        if (!nik.hasErrors() && sex.isPresent() && birthDate.isPresent()) {
            problems.addAll(niks.crossCheck(nik, sex.get(), birthDate.get()));
        }
        Optional<String> phone = row.text(SheetColumn.NO_HP).isBlank()
                ? noPhone(problems)
                : collect(phones.validate(row.text(SheetColumn.NO_HP)), problems);
        Optional<BankAccountValidator.BankAccount> account = noAccount(row)
                ? paidInCash(problems)
                : collect(
                        banks.validate(
                                row.text(SheetColumn.KODE_BANK),
                                row.text(SheetColumn.NAMA_BANK),
                                row.text(SheetColumn.NO_REKENING),
                                row.text(SheetColumn.NAMA_PEMILIK_REKENING)),
                        problems);
        Optional<Classification> category = classification(row, problems);
        Optional<String> familyCard = collect(
                familyCards.validate(
                        row.text(SheetColumn.NO_KK), row.cell(SheetColumn.NO_KK).typedAsNumber()),
                problems);
        if (familyCard.isEmpty()
                && row.text(SheetColumn.NO_KK).isBlank()
                && category.map(c -> c.category() == ReturneeCategory.KELUARGA_PMI)
                        .orElse(false)) {
            problems.add(Problem.of(
                    SheetColumn.NO_KK.sheetName(),
                    ProblemCode.FAMILY_CARD_REQUIRED,
                    "Anggota keluarga PMI (KELUARGA_PMI) perlu nomor KK yang sama dengan PMI-nya",
                    "A migrant worker's family member (KELUARGA_PMI) needs the family card number they share with the "
                            + "worker"));
        }
        Optional<String> regency = nik.hasErrors()
                ? Optional.empty()
                : collect(domiciles.check(uploadingProvince, row.text(SheetColumn.KABUPATEN_KOTA), nik), problems);
        boolean dtks = yesNo(row, SheetColumn.STATUS_DTKS, problems);
        Integer decile = dtsenDecile(row, problems);
        boolean guidance = yesNo(row, SheetColumn.IKUT_BIMBINGAN, problems);
        String country = country(row, problems);

        if (Problem.anyError(problems)) {
            return new RowVerdict(
                    row.rowNumber(), RowVerdict.Outcome.REJECTED, List.copyOf(problems), Optional.empty());
        }
        BankAccountValidator.BankAccount bank = account.orElse(null);
        RegisterReturneeRequest request = new RegisterReturneeRequest(
                nik.nik(),
                name,
                sex.orElseThrow(),
                birthDate.orElseThrow(),
                regency.map(r -> r.substring(0, 2)).orElse(uploadingProvince),
                regency.orElse(nik.parts().orElseThrow().regencyCode()),
                category.orElseThrow().category(),
                StringUtils.stripToNull(row.text(SheetColumn.SUMBER_RUJUKAN)),
                category.orElseThrow().status(),
                country,
                returnDate.orElseThrow(),
                phone.orElse(null),
                bank == null ? null : bank.bank().code(),
                bank == null ? null : bank.accountNumber(),
                bank == null ? null : bank.holderName(),
                dtks,
                decile,
                guidance,
                familyCard.orElse(null));
        RowVerdict.Outcome outcome = problems.stream().anyMatch(p -> p.severity() == Severity.REVIEW)
                ? RowVerdict.Outcome.HELD_FOR_REVIEW
                : RowVerdict.Outcome.ACCEPTED;
        return new RowVerdict(row.rowNumber(), outcome, List.copyOf(problems), Optional.of(request));
    }

    private Checked<LocalDate> dateOf(SheetRow row, SheetColumn column, boolean birth) {
        SheetCell cell = row.cell(column);
        if (cell.dateValue().isPresent()) {
            LocalDate date = cell.dateValue().get();
            return birth ? dates.birthDate(date.toString()) : dates.returnDate(date.toString());
        }
        return birth ? dates.birthDate(cell.text()) : dates.returnDate(cell.text());
    }

    private static Optional<String> noPhone(List<Problem> problems) {
        problems.add(Problem.of(
                SheetColumns.PHONE,
                ProblemCode.PHONE_NONE,
                "Tidak ada nomor HP: orang ini didaftarkan, dan pemberitahuannya harus disampaikan langsung",
                "No phone number: the person is registered, and must be told in person"));
        return Optional.empty();
    }

    /** No bank column filled in at all: not a mistake to correct, a person without an account. */
    private static boolean noAccount(SheetRow row) {
        return row.text(SheetColumn.KODE_BANK).isBlank()
                && row.text(SheetColumn.NAMA_BANK).isBlank()
                && row.text(SheetColumn.NO_REKENING).isBlank()
                && row.text(SheetColumn.NAMA_PEMILIK_REKENING).isBlank();
    }

    private static Optional<BankAccountValidator.BankAccount> paidInCash(List<Problem> problems) {
        problems.add(Problem.of(
                SheetColumns.ACCOUNT_NUMBER,
                ProblemCode.BANK_ACCOUNT_NONE,
                "Tidak ada rekening: orang ini didaftarkan, dan bantuannya diambil tunai di Kantor Pos dengan kode"
                        + " pengambilan yang dikirim kepadanya",
                "No bank account: the person is registered, and collects the grant in cash at a post office with a"
                        + " claim code sent to them"));
        return Optional.empty();
    }

    private static <T> Optional<T> collect(Checked<T> checked, List<Problem> problems) {
        problems.addAll(checked.problems());
        return checked.value();
    }

    private static String required(SheetRow row, SheetColumn column, List<Problem> problems) {
        String text = row.text(column).strip();
        if (text.isEmpty()) {
            problems.add(Problem.requiredMissing(column.sheetName()));
        }
        return text;
    }

    private static Optional<Sex> sex(SheetRow row, List<Problem> problems) {
        String text = row.text(SheetColumn.JENIS_KELAMIN).strip().toUpperCase(Locale.ROOT);
        switch (text) {
            case "L", "LK", "LAKI-LAKI", "LAKI LAKI", "M", "MALE", "PRIA":
                return Optional.of(Sex.MALE);
            case "P", "PR", "PEREMPUAN", "F", "FEMALE", "W", "WANITA":
                return Optional.of(Sex.FEMALE);
            case "":
                problems.add(Problem.requiredMissing(SheetColumn.JENIS_KELAMIN.sheetName()));
                return Optional.empty();
            default:
                problems.add(Problem.of(
                        SheetColumn.JENIS_KELAMIN.sheetName(),
                        ProblemCode.SEX_INVALID,
                        "Jenis kelamin harus L atau P, tertulis \"" + text + "\"",
                        "Sex must be L or P; found \"" + text + "\""));
                return Optional.empty();
        }
    }

    /** Why the person came home, and apart from it whether they are a trafficking victim. */
    record Classification(ReturneeCategory category, TraffickingStatus status) {}

    private static final Pattern CATEGORY_SEPARATORS = Pattern.compile("\\s*(?:[;,/+&]|\\bDAN\\b)\\s*");

    /**
     * The kategori column names one category; a trafficked deportee or returned worker may be written with KPO beside
     * theirs ("PMIB_DEPORTEE; KPO"): a deportee identified as a victim. status_tppo, when given, says whether the person
     * is indicated or identified as a victim; a KPO category alone means identified, as lists have always meant it.
     */
    private static Optional<Classification> classification(SheetRow row, List<Problem> problems) {
        String text = row.text(SheetColumn.KATEGORI).strip().toUpperCase(Locale.ROOT);
        if (text.isEmpty()) {
            problems.add(Problem.requiredMissing(SheetColumn.KATEGORI.sheetName()));
            return Optional.empty();
        }
        List<ReturneeCategory> named = new ArrayList<>();
        for (String part : CATEGORY_SEPARATORS.split(text)) {
            String code = part.strip().replace(' ', '_').replace('-', '_');
            if (code.isEmpty()) {
                continue;
            }
            try {
                named.add(ReturneeCategory.valueOf(code));
            } catch (IllegalArgumentException e) {
                named.clear();
                break;
            }
        }
        boolean kpo = named.contains(ReturneeCategory.KPO);
        List<ReturneeCategory> others =
                named.stream().filter(c -> c != ReturneeCategory.KPO).distinct().toList();
        if (named.isEmpty() || others.size() > 1) {
            problems.add(Problem.of(
                    SheetColumn.KATEGORI.sheetName(),
                    ProblemCode.CATEGORY_INVALID,
                    "Kategori harus salah satu dari KPO, PMIB_DEPORTEE, PMI_PURNA, OTHER_PPKS, KELUARGA_PMI (KPO boleh ditulis di "
                            + "samping kategori lain, mis. \"PMIB_DEPORTEE; KPO\"), tertulis \"" + text + "\"",
                    "Category must be one of KPO, PMIB_DEPORTEE, PMI_PURNA, OTHER_PPKS, KELUARGA_PMI (KPO may stand beside another, "
                            + "e.g. \"PMIB_DEPORTEE; KPO\"); found \"" + text + "\""));
            return Optional.empty();
        }
        ReturneeCategory category = others.isEmpty() ? ReturneeCategory.KPO : others.get(0);
        Optional<TraffickingStatus> given = traffickingStatus(row, problems);
        if (given.isEmpty() && !row.text(SheetColumn.STATUS_TPPO).isBlank()) {
            return Optional.empty();
        }
        if (kpo && given.filter(s -> s == TraffickingStatus.NONE).isPresent()) {
            problems.add(Problem.of(
                    SheetColumn.STATUS_TPPO.sheetName(),
                    ProblemCode.TRAFFICKING_STATUS_INVALID,
                    "Kategori KPO tetapi status_tppo TIDAK: perbaiki salah satunya",
                    "Category KPO but status_tppo TIDAK (none): correct one of them"));
            return Optional.empty();
        }
        // KPO anywhere in the cell, beside another category too, implies an identified victim.
        return Optional.of(new Classification(
                category, given.orElse(kpo ? TraffickingStatus.IDENTIFIED : TraffickingStatus.NONE)));
    }

    /** status_tppo: blank when not recorded (empty), else indicated, identified or none. */
    private static Optional<TraffickingStatus> traffickingStatus(SheetRow row, List<Problem> problems) {
        String text = row.text(SheetColumn.STATUS_TPPO).strip().toUpperCase(Locale.ROOT);
        switch (text) {
            case "":
                return Optional.empty();
            case "TERINDIKASI", "INDIKASI", "TERINDIKASI KORBAN", "INDICATED":
                return Optional.of(TraffickingStatus.INDICATED);
            case "KORBAN", "TERIDENTIFIKASI", "TERIDENTIFIKASI KORBAN", "KORBAN TPPO", "IDENTIFIED":
                return Optional.of(TraffickingStatus.IDENTIFIED);
            case "TIDAK", "BUKAN", "BUKAN KORBAN", "TIDAK TERINDIKASI", "-", "NONE", "NO":
                return Optional.of(TraffickingStatus.NONE);
            default:
                problems.add(Problem.of(
                        SheetColumn.STATUS_TPPO.sheetName(),
                        ProblemCode.TRAFFICKING_STATUS_INVALID,
                        "status_tppo harus TERINDIKASI, KORBAN atau TIDAK (atau kosong), tertulis \"" + text + "\"",
                        "status_tppo must be TERINDIKASI (indicated), KORBAN (identified victim) or TIDAK (none), or "
                                + "blank; found \"" + text + "\""));
                return Optional.empty();
        }
    }

    /** YA/TIDAK columns; blank means no. */
    private static boolean yesNo(SheetRow row, SheetColumn column, List<Problem> problems) {
        String text = row.text(column).strip().toUpperCase(Locale.ROOT);
        switch (text) {
            case "YA", "Y", "YES", "TRUE", "1", "TERDAFTAR", "SUDAH":
                return true;
            case "", "TIDAK", "T", "TDK", "NO", "N", "FALSE", "0", "TIDAK TERDAFTAR", "BELUM":
                return false;
            default:
                problems.add(Problem.of(
                        column.sheetName(),
                        ProblemCode.YES_NO_INVALID,
                        "Isi YA atau TIDAK, tertulis \"" + text + "\"",
                        "Fill in YA or TIDAK; found \"" + text + "\""));
                return false;
        }
    }

    /**
     * The DTSEN decile, 1 (poorest tenth) to 10, written as "3" or "Desil 3"; blank when the household is not in DTSEN or
     * the office did not look it up (eligibility then decides what that means).
     */
    private static Integer dtsenDecile(SheetRow row, List<Problem> problems) {
        String text = row.text(SheetColumn.DESIL_DTSEN).strip();
        if (text.isEmpty()) {
            return null;
        }
        Matcher decile = DECILE.matcher(text);
        if (decile.matches()) {
            int value = Integer.parseInt(decile.group(1));
            if (value >= 1 && value <= 10) {
                return value;
            }
        }
        problems.add(Problem.of(
                SheetColumn.DESIL_DTSEN.sheetName(),
                ProblemCode.DTSEN_DECILE_INVALID,
                "Isi desil DTSEN 1 sampai 10, atau kosongkan bila tidak terdata; tertulis \"" + text + "\"",
                "Fill in the DTSEN decile, 1 to 10, or leave it blank if not listed; found \"" + text + "\""));
        return null;
    }

    /**
     * ISO 3166 alpha-2 destination; an unknown form is kept out and warned about, since eligibility does not need it.
     */
    private static String country(SheetRow row, List<Problem> problems) {
        String text = row.text(SheetColumn.NEGARA_TUJUAN).strip().toUpperCase(Locale.ROOT);
        if (text.isEmpty()) {
            return null;
        }
        if (COUNTRY_CODES.contains(text)) {
            return text;
        }
        problems.add(Problem.of(
                SheetColumn.NEGARA_TUJUAN.sheetName(),
                ProblemCode.COUNTRY_CODE_INVALID,
                "Negara tujuan ditulis dengan kode 2 huruf (MY, SA, TW ...), tertulis \"" + text + "\"",
                "Destination country must be a 2-letter code (MY, SA, TW ...); found \"" + text + "\""));
        return null;
    }
}
