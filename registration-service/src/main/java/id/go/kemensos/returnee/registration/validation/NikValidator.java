package id.go.kemensos.returnee.registration.validation;

import static id.go.kemensos.returnee.registration.validation.ProblemCode.NIK_BIRTH_DATE_INVALID;
import static id.go.kemensos.returnee.registration.validation.ProblemCode.NIK_BIRTH_DATE_MISMATCH;
import static id.go.kemensos.returnee.registration.validation.ProblemCode.NIK_DISTRICT_UNKNOWN;
import static id.go.kemensos.returnee.registration.validation.ProblemCode.NIK_EXCEL_TRUNCATED;
import static id.go.kemensos.returnee.registration.validation.ProblemCode.NIK_LENGTH;
import static id.go.kemensos.returnee.registration.validation.ProblemCode.NIK_NOT_DIGITS;
import static id.go.kemensos.returnee.registration.validation.ProblemCode.NIK_PROVINCE_UNKNOWN;
import static id.go.kemensos.returnee.registration.validation.ProblemCode.NIK_REGENCY_RENUMBERED;
import static id.go.kemensos.returnee.registration.validation.ProblemCode.NIK_REGENCY_UNKNOWN;
import static id.go.kemensos.returnee.registration.validation.ProblemCode.NIK_SCIENTIFIC_NOTATION;
import static id.go.kemensos.returnee.registration.validation.ProblemCode.NIK_SERIAL_ZERO;
import static id.go.kemensos.returnee.registration.validation.ProblemCode.NIK_SEX_MISMATCH;
import static id.go.kemensos.returnee.registration.validation.SheetColumns.BIRTH_DATE;
import static id.go.kemensos.returnee.registration.validation.SheetColumns.NIK;
import static id.go.kemensos.returnee.registration.validation.SheetColumns.SEX;

import id.go.kemensos.returnee.contracts.registration.Sex;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a NIK: 16 digits {@code PP KK CC DDMMYY SSSS} (province, regency, district, birth date with 40 added to a
 * woman's day, serial).
 *
 * <p>Century rule: the NIK says only YY. Both 19YY and 20YY are tried; a candidate is plausible when the date exists,
 * is not after today (the injected clock) and gives an age of at most 100. Of the plausible ones, the one giving an age
 * of 15 to 100 wins; otherwise the one left (a child registered on a parent's list). yy=05 is 2005 in 2026, yy=90 is
 * 1990, and 29-02-00 is 2000 (1900 was not a leap year).
 */
public final class NikValidator {

    private static final Pattern SCIENTIFIC = Pattern.compile("\\d+(?:[.,]\\d*)?[eE][+-]?\\d+");
    private static final String FIX_AS_TEXT_ID = "Format kolom NIK sebagai Teks lalu ketik ulang NIK dari KTP/KK.";
    private static final String FIX_AS_TEXT_EN =
            "Format the NIK column as Text, then retype the NIK from the ID card or family card.";

    private final RegionCodes regions;
    private final Clock clock;

    public NikValidator(RegionCodes regions, Clock clock) {
        this.regions = regions;
        this.clock = clock;
    }

    public NikCheck validate(String raw) {
        return validate(raw, false);
    }

    /**
     * @param typedAsNumber the spreadsheet cell was numeric (an XLSX reader knows this); Excel keeps 15 significant
     * digits, so a 16-digit number ending in 0 has probably lost its real last digit.
     */
    public NikCheck validate(String raw, boolean typedAsNumber) {
        if (raw == null || raw.isBlank()) {
            return rejected("", Problem.requiredMissing(NIK));
        }
        String trimmed = raw.strip();
        if (trimmed.startsWith("'")) {
            trimmed = trimmed.substring(1);
        }
        String nik = strip(trimmed);
        if (SCIENTIFIC.matcher(trimmed.replace(" ", "")).matches()) {
            return rejected(
                    nik,
                    problem(
                            NIK_SCIENTIFIC_NOTATION,
                            "NIK rusak oleh Excel: tertulis " + trimmed
                                    + " (notasi ilmiah), sehingga digit belakangnya hilang. " + FIX_AS_TEXT_ID,
                            "Excel damaged this NIK: it reads " + trimmed
                                    + " (scientific notation), so its last digits are lost. " + FIX_AS_TEXT_EN));
        }
        for (int i = 0; i < nik.length(); i++) {
            if (!isAsciiDigit(nik.charAt(i))) {
                return rejected(
                        nik,
                        problem(
                                NIK_NOT_DIGITS,
                                "NIK hanya boleh berisi angka; ada karakter '" + nik.charAt(i) + "' pada posisi "
                                        + (i + 1),
                                "A NIK may contain digits only; found '" + nik.charAt(i) + "' at position " + (i + 1)));
            }
        }
        if (nik.length() == 15 || (typedAsNumber && nik.length() == 16 && nik.endsWith("0"))) {
            return rejected(
                    nik,
                    problem(
                            NIK_EXCEL_TRUNCATED,
                            "NIK tertulis " + nik.length() + " digit"
                                    + (nik.length() == 16 ? " berakhiran 0 dan diketik sebagai angka" : "")
                                    + ": Excel hanya menyimpan 15 digit angka, jadi digit terakhir hilang. "
                                    + FIX_AS_TEXT_ID,
                            "The NIK has " + nik.length() + " digits"
                                    + (nik.length() == 16 ? ", ends in 0 and was typed as a number" : "")
                                    + ": Excel keeps only 15 digits of a number, so the last digit was lost. "
                                    + FIX_AS_TEXT_EN));
        }
        if (nik.length() != 16) {
            return rejected(
                    nik,
                    problem(
                            NIK_LENGTH,
                            "NIK harus 16 digit, tertulis " + nik.length() + " digit",
                            "NIK must have 16 digits; this one has " + nik.length()));
        }
        return decode(nik);
    }

    private NikCheck decode(String nik) {
        List<Problem> problems = new ArrayList<>(2);
        int dd = Integer.parseInt(nik, 6, 8, 10);
        int mm = Integer.parseInt(nik, 8, 10, 10);
        int yy = Integer.parseInt(nik, 10, 12, 10);
        Sex sex = dd >= 41 ? Sex.FEMALE : Sex.MALE;
        int day = sex == Sex.FEMALE ? dd - 40 : dd;
        LocalDate birthDate = null;
        if (day < 1 || day > 31) {
            problems.add(problem(
                    NIK_BIRTH_DATE_INVALID,
                    "Tanggal lahir di NIK (digit 7-8) bernilai " + nik.substring(6, 8)
                            + "; harus 01-31 untuk laki-laki atau 41-71 untuk perempuan (tanggal + 40)",
                    "The NIK's birth day (digits 7-8) is " + nik.substring(6, 8)
                            + "; it must be 01-31 for men or 41-71 for women (day + 40)"));
        } else if (mm < 1 || mm > 12) {
            problems.add(problem(
                    NIK_BIRTH_DATE_INVALID,
                    "Bulan lahir di NIK (digit 9-10) bernilai " + nik.substring(8, 10) + "; harus 01-12",
                    "The NIK's birth month (digits 9-10) is " + nik.substring(8, 10) + "; it must be 01-12"));
        } else {
            birthDate = plausibleBirthDate(day, mm, yy, problems);
        }
        if (nik.endsWith("0000")) {
            problems.add(problem(
                    NIK_SERIAL_ZERO,
                    "Nomor urut NIK (4 digit terakhir) 0000 tidak sah; nomor urut dimulai dari 0001",
                    "The NIK's serial (last 4 digits) 0000 is not valid; serials start at 0001"));
        }
        String regency = checkRegion(nik, problems);
        Optional<NikCheck.Parts> parts = Problem.anyError(problems)
                ? Optional.empty()
                : Optional.of(new NikCheck.Parts(
                        regency.substring(0, 2),
                        regency,
                        regency + nik.substring(4, 6),
                        birthDate,
                        sex,
                        nik.substring(12)));
        return new NikCheck(nik, parts, problems);
    }

    private LocalDate plausibleBirthDate(int day, int month, int yy, List<Problem> problems) {
        LocalDate today = LocalDate.now(clock);
        LocalDate fallback = null;
        boolean exists = false;
        for (int century : new int[] {1900, 2000}) {
            LocalDate candidate = dateOrNull(century + yy, month, day);
            if (candidate == null) {
                continue;
            }
            exists = true;
            int age = Period.between(candidate, today).getYears();
            if (candidate.isAfter(today) || age > 100) {
                continue;
            }
            if (age >= 15) {
                return candidate;
            }
            fallback = candidate;
        }
        if (fallback != null) {
            return fallback;
        }
        String written = String.format("%02d-%02d-%02d", day, month, yy);
        problems.add(
                exists
                        ? problem(
                                NIK_BIRTH_DATE_INVALID,
                                "Tanggal lahir di NIK (" + written
                                        + ") tidak masuk akal: di masa depan atau usia lebih dari 100 tahun",
                                "The birth date in the NIK (" + written
                                        + ") is implausible: in the future or over 100 years ago")
                        : problem(
                                NIK_BIRTH_DATE_INVALID,
                                "Tanggal lahir di NIK (" + written + ") tidak ada di kalender",
                                "The birth date in the NIK (" + written + ") does not exist in the calendar"));
        return null;
    }

    /** Checks the NIK's region part; answers the regency's code now (an old code of a split province mapped). */
    private String checkRegion(String nik, List<Problem> problems) {
        String pp = nik.substring(0, 2);
        String regency = nik.substring(0, 4);
        Optional<RegionCodes.Renumbered> moved = regions.renumbered(regency);
        if (moved.isPresent()) {
            RegionCodes.Renumbered r = moved.get();
            problems.add(problem(
                    NIK_REGENCY_RENUMBERED,
                    "Kode " + r.oldCode() + " di NIK adalah kode lama " + r.name() + ", kini " + r.newCode() + " ("
                            + r.basis() + "); NIK tetap berlaku",
                    "Code " + r.oldCode() + " in the NIK is the former code of " + r.name() + ", now " + r.newCode()
                            + " (" + r.basis() + "); the NIK stays valid"));
            regency = r.newCode();
            if (regions.districtName(regency + nik.substring(4, 6)).isEmpty()) {
                problems.add(notInTheCodes(
                        NIK_DISTRICT_UNKNOWN, "Kode kecamatan", "District code", regency + nik.substring(4, 6)));
            }
        } else if (regions.provinceName(pp).isEmpty()) {
            problems.add(problem(
                    NIK_PROVINCE_UNKNOWN,
                    "Kode provinsi " + pp + " di NIK (digit 1-2) tidak ada dalam kode wilayah Kemendagri",
                    "Province code " + pp + " in the NIK (digits 1-2) is not a Kemendagri province"));
        } else if (regions.regencyName(regency).isEmpty()) {
            problems.add(notInTheCodes(NIK_REGENCY_UNKNOWN, "Kode kabupaten/kota", "Regency code", regency));
        } else if (regions.districtName(nik.substring(0, 6)).isEmpty()) {
            problems.add(notInTheCodes(NIK_DISTRICT_UNKNOWN, "Kode kecamatan", "District code", nik.substring(0, 6)));
        }
        return regency;
    }

    /** A regency or district code the 2025 Kemendagri list lacks: perhaps an old code, so the clerk checks the KTP. */
    private static Problem notInTheCodes(ProblemCode code, String levelId, String levelEn, String regionCode) {
        return problem(
                code,
                levelId + " " + regionCode
                        + " di NIK tidak ada dalam kode wilayah Kemendagri 2025 (mungkin kode lama); "
                        + "periksa NIK dengan KTP",
                levelEn + " " + regionCode
                        + " in the NIK is not in the 2025 Kemendagri codes (perhaps an old code); "
                        + "check the NIK against the ID card");
    }

    /**
     * REVIEW problems where the sheet's sex or birth date disagrees with the NIK. Only day, month and the last two
     * digits of the year are compared: the NIK does not carry the century, so the sheet's full year is never a mismatch
     * by itself.
     */
    public List<Problem> crossCheck(NikCheck check, Sex sheetSex, LocalDate sheetBirthDate) {
        if (check.parts().isEmpty()) {
            return List.of();
        }
        NikCheck.Parts parts = check.parts().get();
        List<Problem> problems = new ArrayList<>(2);
        if (sheetSex != null && sheetSex != parts.sex()) {
            problems.add(Problem.of(
                    SEX,
                    NIK_SEX_MISMATCH,
                    "Jenis kelamin di lembar (" + letter(sheetSex) + ") berbeda dengan NIK, yang menunjukkan "
                            + letter(parts.sex()) + " (perempuan: tanggal lahir di NIK ditambah 40)",
                    "The sheet's sex (" + letter(sheetSex) + ") differs from the NIK, which says " + letter(parts.sex())
                            + " (for women the NIK's birth day is the day + 40)"));
        }
        LocalDate nikDate = parts.birthDate();
        if (sheetBirthDate != null
                && (sheetBirthDate.getDayOfMonth() != nikDate.getDayOfMonth()
                        || sheetBirthDate.getMonthValue() != nikDate.getMonthValue()
                        || sheetBirthDate.getYear() % 100 != nikDate.getYear() % 100)) {
            String sheet = String.format(
                    "%02d-%02d-%04d",
                    sheetBirthDate.getDayOfMonth(), sheetBirthDate.getMonthValue(), sheetBirthDate.getYear());
            String inNik = String.format(
                    "%02d-%02d-%02d", nikDate.getDayOfMonth(), nikDate.getMonthValue(), nikDate.getYear() % 100);
            problems.add(Problem.of(
                    BIRTH_DATE,
                    NIK_BIRTH_DATE_MISMATCH,
                    "Tanggal lahir di lembar (" + sheet + ") berbeda dengan tanggal lahir di NIK (" + inNik + ")",
                    "The sheet's birth date (" + sheet + ") differs from the birth date in the NIK (" + inNik + ")"));
        }
        return problems;
    }

    private static String letter(Sex sex) {
        return sex == Sex.FEMALE ? "P" : "L";
    }

    /** Removes the separators clerks type or paste into NIKs: spaces (also non-breaking), dots and dashes. */
    private static String strip(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '.' && c != '-' && c != '\u00A0' && !Character.isWhitespace(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static LocalDate dateOrNull(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static NikCheck rejected(String nik, Problem problem) {
        return new NikCheck(nik, Optional.empty(), List.of(problem));
    }

    private static Problem problem(ProblemCode code, String messageId, String messageEn) {
        return Problem.of(NIK, code, messageId, messageEn);
    }
}
