package id.go.kemensos.returnee.disbursement.bank;

import id.go.kemensos.returnee.disbursement.DisbursementProperties;
import id.go.kemensos.returnee.gateway.GatewayResponse;
import id.go.kemensos.returnee.gateway.GatewayUnavailableException;
import id.go.kemensos.returnee.gateway.ResilientGateway;
import id.go.kemensos.returnee.gateway.ResilientGateways;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The bank gateway in the SNAP open-API style, every request authenticated as SNAP BI requires
 * ({@link SnapAuthentication}). A transfer carries the payment id as {@code partnerReferenceNo}, which the bank
 * deduplicates on. After a timeout or an ambiguous reply the client asks for the transfer's status, and resends only
 * when the bank says it never received it.
 */
@Component
public class BankGatewayClient {

    static final String TRANSFER = "/snap/v1.0/transfer-interbank";
    static final String STATUS = "/snap/v1.0/transfer/status";
    static final String INQUIRY = "/snap/v1.0/account-inquiry-external";
    private static final int MAX_SENDS = 2;
    private static final Logger log = LoggerFactory.getLogger(BankGatewayClient.class);

    private final ResilientGateway gateway;
    private final String sourceAccount;

    BankGatewayClient(ResilientGateways gateways, DisbursementProperties properties, SnapPartner partner, Clock clock) {
        this.gateway = gateways.create(
                "bank",
                properties.bankGatewayUrl(),
                new SnapAuthentication(properties.bankGatewayUrl(), partner, clock));
        this.sourceAccount = properties.sourceAccount();
    }

    /**
     * What the bank says of an account: its holder's name, that it does not exist or is closed, or nothing (try again).
     */
    public sealed interface AccountInquiry {

        record Holder(String name) implements AccountInquiry {}

        record Refused(String code, String reason) implements AccountInquiry {}

        record Unknown(String reason) implements AccountInquiry {}
    }

    /** SNAP account inquiry (service 16); safe to repeat, so it is retried like any read. */
    public AccountInquiry inquire(String reference, String bankCode, String accountNumber) {
        GatewayResponse response;
        try {
            response = gateway.post(
                    INQUIRY,
                    Map.of(
                            "partnerReferenceNo",
                            reference,
                            "beneficiaryBankCode",
                            bankCode,
                            "beneficiaryAccountNo",
                            accountNumber),
                    true);
        } catch (GatewayUnavailableException e) {
            return new AccountInquiry.Unknown(e.getMessage());
        }
        if (response.isSuccess() && "2001600".equals(response.text("responseCode"))) {
            String name = response.text("beneficiaryAccountName");
            return new AccountInquiry.Holder(name == null ? "" : name);
        }
        if (response.status() == 400 || response.status() == 403 || response.status() == 404) {
            return new AccountInquiry.Refused(response.text("responseCode"), response.text("responseMessage"));
        }
        return new AccountInquiry.Unknown("bank answered " + response.status());
    }

    public TransferOutcome transfer(TransferOrder order) {
        return order.alreadySent() ? checkStatus(order, MAX_SENDS) : send(order, MAX_SENDS);
    }

    private TransferOutcome send(TransferOrder order, int sendsLeft) {
        if (order.accountNumber() == null) {
            // The payee was erased after the transfer was first sent: nothing can be sent again, and the bank never had
            // it.
            return new TransferOutcome.Rejected(
                    TransferOutcome.PERSONAL_DATA_ERASED, "the payee's personal data was erased");
        }
        GatewayResponse response;
        try {
            response = gateway.post(TRANSFER, transferRequest(order), false);
        } catch (GatewayUnavailableException e) {
            log.warn(
                    "Transfer {} got no answer ({}); asking for its status before anything else",
                    order.paymentId(),
                    e.getMessage());
            return e.mayHaveExecuted()
                    ? checkStatus(order, sendsLeft - 1)
                    : new TransferOutcome.Unknown(e.getMessage());
        }
        String code = response.text("responseCode");
        if (response.isSuccess() && "2001800".equals(code)) {
            return new TransferOutcome.Settled(response.text("referenceNo"));
        }
        if (response.status() == 400 || response.status() == 403 || response.status() == 404) {
            return new TransferOutcome.Rejected(code, response.text("responseMessage"));
        }
        // 409 (same reference, other details), 429 and the like: only a status inquiry can tell what happened.
        return checkStatus(order, sendsLeft - 1);
    }

    private TransferOutcome checkStatus(TransferOrder order, int sendsLeft) {
        GatewayResponse response;
        try {
            response = gateway.post(
                    STATUS,
                    Map.of("originalPartnerReferenceNo", order.paymentId().toString(), "serviceCode", "18"),
                    true);
        } catch (GatewayUnavailableException e) {
            return new TransferOutcome.Unknown("status inquiry failed: " + e.getMessage());
        }
        if (response.status() == 404) {
            // The bank never received it: resending under the same reference is safe.
            return sendsLeft > 0 ? send(order, sendsLeft) : new TransferOutcome.Unknown("not received by the bank yet");
        }
        String status = response.text("latestTransactionStatus");
        if ("00".equals(status)) {
            return new TransferOutcome.Settled(response.text("originalReferenceNo"));
        }
        if ("06".equals(status)) {
            return new TransferOutcome.Rejected(status, response.text("transactionStatusDesc"));
        }
        return new TransferOutcome.Unknown("bank status " + status);
    }

    private Map<String, Object> transferRequest(TransferOrder order) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("partnerReferenceNo", order.paymentId().toString());
        body.put("amount", Map.of("value", order.amount() + ".00", "currency", "IDR"));
        body.put("beneficiaryBankCode", order.bankCode());
        body.put("beneficiaryAccountNo", order.accountNumber());
        body.put("beneficiaryAccountName", order.accountHolderName());
        body.put("sourceAccountNo", sourceAccount);
        body.put("transactionDate", LocalDate.now(ZoneId.of("Asia/Jakarta")).toString());
        body.put("remark", "Bantuan Stimulan Usaha " + order.programId());
        return body;
    }
}
