package id.go.kemensos.returnee.contracts.registration;

import id.go.kemensos.returnee.contracts.MaskedValues;

/** A payee's own bank account. The account number is a string: leading zeros matter. */
public record BankAccount(String bankCode, String accountNumber, String holderName) {

    /** The account number with all but its last four digits hidden, for logs, SMS and auditor views. */
    public String maskedAccountNumber() {
        return MaskedValues.lastFour(accountNumber);
    }
}
