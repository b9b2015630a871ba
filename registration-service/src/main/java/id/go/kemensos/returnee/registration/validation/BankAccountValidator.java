package id.go.kemensos.returnee.registration.validation;

import static id.go.kemensos.returnee.registration.validation.ProblemCode.ACCOUNT_LENGTH_UNUSUAL;
import static id.go.kemensos.returnee.registration.validation.ProblemCode.ACCOUNT_NOT_DIGITS;
import static id.go.kemensos.returnee.registration.validation.ProblemCode.ACCOUNT_SCIENTIFIC_NOTATION;
import static id.go.kemensos.returnee.registration.validation.ProblemCode.BANK_CODE_UNKNOWN;
import static id.go.kemensos.returnee.registration.validation.ProblemCode.BANK_NAME_UNKNOWN;
import static id.go.kemensos.returnee.registration.validation.ProblemCode.HOLDER_NAME_MISSING;
import static id.go.kemensos.returnee.registration.validation.SheetColumns.ACCOUNT_HOLDER;
import static id.go.kemensos.returnee.registration.validation.SheetColumns.ACCOUNT_NUMBER;
import static id.go.kemensos.returnee.registration.validation.SheetColumns.BANK_CODE;
import static id.go.kemensos.returnee.registration.validation.SheetColumns.BANK_NAME;

import id.go.kemensos.returnee.contracts.reference.BankCodes;
import id.go.kemensos.returnee.contracts.reference.BankCodes.Bank;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks the bank columns of a row: a known bank code, an account number of digits only, and a holder name.
 *
 * <p>Excel typed as a number: a bank code loses its leading zeros ("2" for BRI 002), so codes of 1-3 digits are padded
 * back; an account number loses its leading zeros too, which cannot be undone, so an account shorter than the bank's
 * norm warns and says why. Lengths only ever warn: the account inquiry before payment is the real check.
 */
public final class BankAccountValidator {

    /** A checked account, as the platform stores it: numbers stay strings, leading zeros matter. */
    public record BankAccount(Bank bank, String accountNumber, String holderName) {
        @Override
        public String toString() {
            String last4 = accountNumber.length() > 4 ? accountNumber.substring(accountNumber.length() - 4) : "";
            return "BankAccount[bank=" + bank.code() + ", account=***" + last4 + "]";
        }
    }

    private static final Pattern SCIENTIFIC = Pattern.compile("\\d+(?:[.,]\\d*)?[eE][+-]?\\d+");
    private static final Pattern NUMERIC_CODE = Pattern.compile("\\d{1,3}(?:\\.0+)?");

    private final BankCodes banks;

    public BankAccountValidator(BankCodes banks) {
        this.banks = banks;
    }

    public Checked<BankAccount> validate(String bankCode, String accountNumber, String holderName) {
        return validate(bankCode, null, accountNumber, holderName);
    }

    /**
     * As {@link #validate(String, String, String)}, for a sheet that may name the bank (nama_bank) instead of giving its
     * code: the code wins where both are given.
     */
    public Checked<BankAccount> validate(String bankCode, String bankName, String accountNumber, String holderName) {
        List<Problem> problems = new ArrayList<>(2);
        Bank bank = (bankCode == null || bankCode.isBlank()) && bankName != null && !bankName.isBlank()
                ? bankNamed(bankName.strip(), problems)
                : bank(bankCode, problems);
        String account = account(accountNumber, problems);
        if (bank != null && account != null) {
            checkLength(bank, account, problems);
        }
        String holder = holderName == null ? "" : holderName.strip();
        if (holder.isEmpty()) {
            problems.add(Problem.of(
                    ACCOUNT_HOLDER,
                    HOLDER_NAME_MISSING,
                    "Nama pemilik rekening wajib diisi (sesuai buku tabungan), agar bank dapat "
                            + "mencocokkannya dengan nama di KTP",
                    "The account holder's name is required (as in the passbook), so that the bank can "
                            + "match it against the ID card"));
        }
        return Checked.of(bank == null || account == null ? null : new BankAccount(bank, account, holder), problems);
    }

    private Bank bank(String raw, List<Problem> problems) {
        String code = raw == null ? "" : raw.strip();
        if (code.isEmpty()) {
            problems.add(Problem.requiredMissing(BANK_CODE));
            return null;
        }
        if (NUMERIC_CODE.matcher(code).matches()) {
            int dot = code.indexOf('.');
            String digits = dot < 0 ? code : code.substring(0, dot);
            code = "0".repeat(3 - digits.length()) + digits; // Excel turned 002 into 2 (or 2.0)
        }
        String shown = code;
        return banks.find(code).orElseGet(() -> {
            problems.add(Problem.of(
                    BANK_CODE,
                    BANK_CODE_UNKNOWN,
                    "Kode bank " + shown + " tidak dikenal; isi kode 3 digit, mis. 002 untuk BRI atau 451 untuk BSI",
                    "Bank code " + shown + " is unknown; use the 3-digit code, e.g. 002 for BRI or 451 for BSI"));
            return null;
        });
    }

    private Bank bankNamed(String name, List<Problem> problems) {
        return banks.findByName(name).orElseGet(() -> {
            problems.add(Problem.of(
                    BANK_NAME,
                    BANK_NAME_UNKNOWN,
                    "Bank \"" + name + "\" tidak dikenal; isi kode bank 3 digit di kolom kode_bank, mis. 002 untuk BRI",
                    "Bank \"" + name + "\" is not known; give its 3-digit code in kode_bank, e.g. 002 for BRI"));
            return null;
        });
    }

    private static String account(String raw, List<Problem> problems) {
        String typed = raw == null ? "" : raw.strip();
        if (typed.startsWith("'")) {
            typed = typed.substring(1);
        }
        if (typed.isEmpty()) {
            problems.add(Problem.requiredMissing(ACCOUNT_NUMBER));
            return null;
        }
        if (SCIENTIFIC.matcher(typed).matches()) {
            problems.add(Problem.of(
                    ACCOUNT_NUMBER,
                    ACCOUNT_SCIENTIFIC_NOTATION,
                    "Nomor rekening rusak oleh Excel (tertulis " + typed
                            + ", notasi ilmiah). Format kolom no_rekening sebagai Teks lalu ketik ulang "
                            + "dari buku tabungan.",
                    "Excel damaged this account number (it reads " + typed
                            + ", scientific notation). Format the no_rekening column as Text and retype it "
                            + "from the passbook."));
            return null;
        }
        StringBuilder digits = new StringBuilder(typed.length());
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c != '.' && c != '-' && c != '\u00A0' && !Character.isWhitespace(c)) {
                problems.add(Problem.of(
                        ACCOUNT_NUMBER,
                        ACCOUNT_NOT_DIGITS,
                        "Nomor rekening hanya boleh berisi angka; ada karakter '" + c + "' pada posisi " + (i + 1),
                        "An account number may contain digits only; found '" + c + "' at position " + (i + 1)));
                return null;
            }
        }
        return digits.toString();
    }

    private static void checkLength(Bank bank, String account, List<Problem> problems) {
        if (bank.accountLength().isEmpty() || bank.accountLength().getAsInt() == account.length()) {
            return;
        }
        int norm = bank.accountLength().getAsInt();
        boolean shorter = account.length() < norm;
        problems.add(Problem.of(
                ACCOUNT_NUMBER,
                ACCOUNT_LENGTH_UNUSUAL,
                "Nomor rekening " + bank.shortName() + " biasanya " + norm + " digit, tertulis " + account.length()
                        + " digit"
                        + (shorter ? "; jika kolom diketik sebagai angka, Excel menghapus angka 0 di depan" : "")
                        + ". Periksa dengan buku tabungan.",
                bank.shortName() + " account numbers usually have " + norm + " digits; this one has " + account.length()
                        + (shorter ? "; if the column was typed as a number, Excel dropped the leading zeros" : "")
                        + ". Check it against the passbook."));
    }
}
