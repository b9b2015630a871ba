package id.go.kemensos.returnee.registration.validation;

import static id.go.kemensos.returnee.registration.validation.Severity.ERROR;
import static id.go.kemensos.returnee.registration.validation.Severity.REVIEW;
import static id.go.kemensos.returnee.registration.validation.Severity.WARNING;

/**
 * Stable problem codes: they appear in error reports and events, so never rename one; add new ones instead.
 * Each code has one severity so that the same problem is always treated the same way.
 */
public enum ProblemCode {
    REQUIRED_MISSING(ERROR),
    DATE_INVALID(ERROR),
    RETURN_DATE_IN_FUTURE(ERROR),

    NIK_NOT_DIGITS(ERROR),
    NIK_LENGTH(ERROR),
    NIK_SCIENTIFIC_NOTATION(ERROR),
    NIK_EXCEL_TRUNCATED(ERROR),
    NIK_BIRTH_DATE_INVALID(ERROR),
    NIK_SERIAL_ZERO(ERROR),
    NIK_PROVINCE_UNKNOWN(ERROR),
    /**
     * Old codes persist on identity cards after a regency or district is split, so an unknown regency or district only
     * warns.
     */
    NIK_REGENCY_UNKNOWN(WARNING),
    NIK_DISTRICT_UNKNOWN(WARNING),
    /** The NIK carries a regency code retired when its province was split: valid, and read as the regency's code now. */
    NIK_REGENCY_RENUMBERED(WARNING),
    NIK_SEX_MISMATCH(REVIEW),
    NIK_BIRTH_DATE_MISMATCH(REVIEW),

    PHONE_INVALID(ERROR),
    /** A valid landline cannot receive the programme's SMS. */
    PHONE_NOT_MOBILE(WARNING),
    /**
     * No phone at all: the person is registered all the same (a returnee without a SIM is not shut out); what the SMS
     * would have said is told in person, and the officer's list shows who.
     */
    PHONE_NONE(WARNING),

    /**
     * No bank column filled in at all: the person is registered all the same (nobody is shut out for want of an
     * account) and collects the grant in cash at a post office. A row with some bank columns is checked as an account.
     */
    BANK_ACCOUNT_NONE(WARNING),
    BANK_CODE_UNKNOWN(ERROR),
    /** No kode_bank, and a nama_bank that names no bank the platform pays. */
    BANK_NAME_UNKNOWN(ERROR),
    ACCOUNT_NOT_DIGITS(ERROR),
    ACCOUNT_SCIENTIFIC_NOTATION(ERROR),
    /** A bank's account-number length is a norm, not a rule: the account inquiry before payment is the real check. */
    ACCOUNT_LENGTH_UNUSUAL(WARNING),
    HOLDER_NAME_MISSING(ERROR),

    /**
     * REVIEW rather than ERROR: the NIK's region is where the person was first registered, not where they live now, and
     * a returnee may live with family across a border; a clerk cannot "fix" that by editing the row. Not a mere WARNING
     * either: domicile in the uploading province is an eligibility rule (C3), so an officer decides before anyone is
     * paid from it.
     */
    OUTSIDE_UPLOADING_PROVINCE(REVIEW),
    /**
     * The kabupaten_kota name could not be matched (abbreviations such as LOTENG are common); the NIK's regency is
     * used.
     */
    REGENCY_NAME_UNKNOWN(WARNING),
    SEX_INVALID(ERROR),
    CATEGORY_INVALID(ERROR),
    /**
     * status_tppo is not one of TERINDIKASI, KORBAN or TIDAK, or says TIDAK beside a KPO category: a victim's status is
     * never guessed.
     */
    TRAFFICKING_STATUS_INVALID(ERROR),
    /** no_kk is not 16 digits of a known region, or Excel kept it as a number. */
    FAMILY_CARD_INVALID(ERROR),
    /** A family member (KELUARGA_PMI) without the family card that links them to the worker of their household. */
    FAMILY_CARD_REQUIRED(ERROR),
    YES_NO_INVALID(ERROR),
    DTSEN_DECILE_INVALID(ERROR),
    COUNTRY_CODE_INVALID(WARNING),
    DUPLICATE_IN_FILE(ERROR),
    KNOWN_NIK_DIFFERENT_IDENTITY(REVIEW),
    /** The NIK is registered in another province, whose person this province's officers may neither see nor amend. */
    KNOWN_NIK_OTHER_PROVINCE(ERROR),
    /** An officer rejected a held row; the message carries the officer's reason. */
    REJECTED_IN_REVIEW(ERROR);

    private final Severity severity;

    ProblemCode(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }
}
