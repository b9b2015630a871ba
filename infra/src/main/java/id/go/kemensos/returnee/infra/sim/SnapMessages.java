package id.go.kemensos.returnee.infra.sim;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SNAP BI request/response bodies the bank simulator speaks (field names as in the SNAP transfer specs). Response codes
 * are HTTP status (3) + service code (2) + case (2): service 16 = account inquiry external, 18 = interbank transfer,
 * 36 = transfer status inquiry.
 */
final class SnapMessages {

    /** SNAP amounts are strings with exactly two decimals; rupiah transfers carry no sen, so only ".00" is accepted. */
    private static final Pattern IDR_VALUE = Pattern.compile("^(0|[1-9]\\d{0,14})\\.00$");

    /** SNAP allows up to 64 characters; restricting to UUID-like characters keeps the statement CSV quote-free. */
    private static final Pattern PARTNER_REFERENCE = Pattern.compile("^[A-Za-z0-9-]{1,64}$");

    private static final String TRANSFER = "18";

    private SnapMessages() {}

    /**
     * Whole rupiah of a SNAP amount, or -1 when it is not a positive IDR value with two decimals. Non-zero sen are
     * refused rather than rounded: silently moving money by a fraction is worse than a 400.
     */
    static long wholeRupiah(Amount amount) {
        if (amount == null || amount.value() == null || !"IDR".equals(amount.currency())) {
            return -1;
        }
        Matcher m = IDR_VALUE.matcher(amount.value());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    record Amount(String value, String currency) {}

    record AccountInquiryRequest(String partnerReferenceNo, String beneficiaryBankCode, String beneficiaryAccountNo) {}

    record TransferRequest(
            String partnerReferenceNo,
            Amount amount,
            String beneficiaryBankCode,
            String beneficiaryAccountNo,
            String beneficiaryAccountName,
            String sourceAccountNo,
            String transactionDate) {}

    record StatusRequest(String originalPartnerReferenceNo, String originalReferenceNo, String serviceCode) {}

    /** Body of {@code POST /sim/accounts} and {@code POST /sim/accounts/close} (holderName ignored for close). */
    record AccountRegistration(String bankCode, String accountNo, String holderName) {}

    record AutoOpen(boolean enabled) {}

    record SnapError(String responseCode, String responseMessage) {}

    /** Body of {@code POST /snap/v1.0/access-token/b2b} (service 73); only client_credentials is granted. */
    record AccessTokenRequest(String grantType) {}

    /** {@code expiresIn} is a string of seconds, as in the SNAP B2B access token spec. */
    record AccessTokenResponse(
            String responseCode, String responseMessage, String accessToken, String tokenType, String expiresIn) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AccountInquiryResponse(
            String responseCode,
            String responseMessage,
            String partnerReferenceNo,
            String beneficiaryAccountNo,
            String beneficiaryAccountName,
            String beneficiaryBankCode) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TransferResponse(
            String responseCode,
            String responseMessage,
            String referenceNo,
            String partnerReferenceNo,
            Amount amount,
            String beneficiaryBankCode,
            String beneficiaryAccountNo,
            String sourceAccountNo) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StatusResponse(
            String responseCode,
            String responseMessage,
            String originalPartnerReferenceNo,
            String originalReferenceNo,
            String serviceCode,
            String latestTransactionStatus,
            String transactionStatusDesc,
            Amount amount) {}

    /** Validation of a transfer request; null when it may be booked. */
    static SnapError transferError(TransferRequest request) {
        String reference = request.partnerReferenceNo();
        if (reference == null || reference.isBlank()) {
            return missingField(TRANSFER, "partnerReferenceNo");
        }
        if (!PARTNER_REFERENCE.matcher(reference).matches()) {
            return invalidFormat(TRANSFER, "partnerReferenceNo");
        }
        if (wholeRupiah(request.amount()) <= 0) {
            // Code and message exactly as the platform's bank clients were specified to expect for any amount problem.
            return new SnapError("4001802", "Invalid Field Format amount");
        }
        return accountError(TRANSFER, request.beneficiaryBankCode(), request.beneficiaryAccountNo());
    }

    /** Validation of the beneficiary bank code and account number; null when both are well-formed. */
    static SnapError accountError(String serviceCode, String bankCode, String accountNo) {
        if (bankCode == null || bankCode.isEmpty()) {
            return missingField(serviceCode, "beneficiaryBankCode");
        }
        if (!AccountDirectory.validBankCode(bankCode)) {
            return invalidFormat(serviceCode, "beneficiaryBankCode");
        }
        if (accountNo == null || accountNo.isEmpty()) {
            return missingField(serviceCode, "beneficiaryAccountNo");
        }
        return AccountDirectory.validAccountNo(accountNo) ? null : invalidFormat(serviceCode, "beneficiaryAccountNo");
    }

    /** SNAP's generic fault replies, used by fault injection: 500xx00 General Error, 504xx00 Timeout. */
    static SnapError fault(int httpStatus, String serviceCode) {
        return httpStatus == 504
                ? new SnapError("504" + serviceCode + "00", "Timeout")
                : new SnapError("500" + serviceCode + "00", "General Error");
    }

    static SnapError invalidFormat(String serviceCode, String field) {
        return new SnapError("400" + serviceCode + "01", "Invalid Field Format " + field);
    }

    static SnapError missingField(String serviceCode, String field) {
        return new SnapError("400" + serviceCode + "02", "Invalid Mandatory Field " + field);
    }

    /** Simulator control: mark an executed credit as returned. */
    record ReturnRequest(String partnerReferenceNo) {}
}
