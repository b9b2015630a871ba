package id.go.kemensos.returnee.registration.validation;

import static id.go.kemensos.returnee.registration.validation.ProblemCode.PHONE_INVALID;
import static id.go.kemensos.returnee.registration.validation.ProblemCode.PHONE_NOT_MOBILE;
import static id.go.kemensos.returnee.registration.validation.SheetColumns.PHONE;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Normalises a sheet's phone number to E.164 with libphonenumber, Indonesia as the default region: 0812..., +62
 * 812-..., 62812... and foreign numbers written with their country code (+60 for a Malaysian SIM) are all valid.
 *
 * <p>Excel typed as a number: a mobile number typed into a numeric cell loses its leading 0 (81234567890). It is
 * accepted, because libphonenumber reads it as an Indonesian national number without the trunk 0 and still checks it
 * against the mobile ranges; an 8xx number of mobile length has no other sensible reading in an Indonesian sheet.
 */
public final class PhoneValidator {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final Pattern SCIENTIFIC = Pattern.compile("\\d+(?:[.,]\\d*)?[eE][+-]?\\d+");

    private final String defaultRegion;

    public PhoneValidator() {
        this("ID");
    }

    public PhoneValidator(String defaultRegion) {
        this.defaultRegion = defaultRegion;
    }

    /**
     * The number in E.164 (+6281234567890), or PHONE_INVALID; a landline is valid but warns, as it cannot receive SMS.
     */
    public Checked<String> validate(String raw) {
        if (raw == null || raw.isBlank()) {
            return Checked.rejected(Problem.requiredMissing(PHONE));
        }
        String typed = raw.strip();
        if (typed.startsWith("'")) {
            typed = typed.substring(1);
        }
        if (SCIENTIFIC.matcher(typed).matches()) {
            return Checked.rejected(Problem.of(
                    PHONE,
                    PHONE_INVALID,
                    "Nomor HP rusak oleh Excel (tertulis " + typed
                            + ", notasi ilmiah). Format kolom no_hp sebagai Teks lalu ketik ulang nomornya.",
                    "Excel damaged this phone number (it reads " + typed
                            + ", scientific notation). Format the no_hp column as Text and retype it."));
        }
        // libphonenumber would read letters as a keypad vanity number (1-800-FLOWERS); a clerk's letters are a typo.
        if (typed.chars().anyMatch(Character::isLetter)) {
            return Checked.rejected(Problem.of(
                    PHONE,
                    PHONE_INVALID,
                    "Nomor HP hanya boleh berisi angka, spasi, tanda hubung dan + di depan; ada huruf di dalamnya",
                    "A phone number may contain only digits, spaces, dashes and a leading +; this one "
                            + "contains letters"));
        }
        // getNumberType is what isValidNumber computes (UNKNOWN = invalid); asking once saves a second metadata match.
        PhoneNumber number = "ID".equals(defaultRegion) ? indonesianMobileShape(typed) : null;
        PhoneNumberType type = number == null ? PhoneNumberType.UNKNOWN : UTIL.getNumberType(number);
        if (type == PhoneNumberType.UNKNOWN) {
            try {
                number = UTIL.parse(typed, defaultRegion);
                type = UTIL.getNumberType(number);
            } catch (NumberParseException e) {
                // explained below like any other invalid number
            }
        }
        if (type != PhoneNumberType.UNKNOWN) {
            String e164 = UTIL.format(number, PhoneNumberFormat.E164);
            return Checked.of(
                    e164,
                    type != PhoneNumberType.FIXED_LINE
                            ? List.of()
                            : List.of(Problem.of(
                                    PHONE,
                                    PHONE_NOT_MOBILE,
                                    "Nomor ini nomor telepon rumah/kantor dan tidak dapat menerima SMS; "
                                            + "isi nomor HP jika ada",
                                    "This is a landline number and cannot receive SMS; give a mobile "
                                            + "number if there is one")));
        }
        long digits = typed.chars().filter(Character::isDigit).count();
        return Checked.rejected(Problem.of(
                PHONE,
                PHONE_INVALID,
                "Nomor HP tidak valid (" + digits
                        + " digit): nomor HP Indonesia diawali 08 dan terdiri dari 10-13 digit; "
                        + "nomor luar negeri ditulis dengan kode negara, mis. +60 untuk Malaysia",
                "The phone number is not valid (" + digits
                        + " digits): Indonesian mobiles start with 08 and have 10-13 digits; "
                        + "write foreign numbers with their country code, e.g. +60 for Malaysia"));
    }

    /**
     * Fast path for the shapes most rows have (08..., +62 8..., 8... as Excel left it), skipping libphonenumber's
     * costly free-text parse: parsing is most of the time spent per row. libphonenumber's metadata still decides
     * validity, and anything it does not recognise goes through the full parse.
     */
    private static PhoneNumber indonesianMobileShape(String typed) {
        StringBuilder digits = new StringBuilder(16);
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (c >= '0' && c <= '9' || (c == '+' && i == 0)) {
                digits.append(c);
            } else if (c != ' ' && c != '-') {
                return null;
            }
        }
        String d = digits.toString();
        int start = d.startsWith("08") ? 1 : d.startsWith("+628") ? 3 : d.startsWith("8") ? 0 : -1;
        if (start < 0 || d.length() - start < 9 || d.length() - start > 12) {
            return null;
        }
        return new PhoneNumber().setCountryCode(62).setNationalNumber(Long.parseLong(d, start, d.length(), 10));
    }
}
