package id.go.kemensos.returnee.disbursement.bank;

import id.go.kemensos.returnee.disbursement.DisbursementProperties;
import id.go.kemensos.returnee.gateway.GatewayResponse;
import id.go.kemensos.returnee.gateway.GatewayUnavailableException;
import id.go.kemensos.returnee.gateway.ResilientGateway;
import id.go.kemensos.returnee.gateway.ResilientGateways;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

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
    static final String OPENING = "/snap/v1.0/collective-account/opening";
    static final String OPENING_STATUS = "/snap/v1.0/collective-account/opening/status";
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

    /**
     * One person in a collective opening request: the name the account is opened in, and what the bank's officer
     * checks the KTP shown at activation against (the NIK itself never leaves registration).
     */
    public record Applicant(UUID paymentId, String name, String nikMasked, String regencyCode) {

        @Override
        public String toString() {
            return "Applicant[paymentId=" + paymentId + "]";
        }
    }

    /** What the bank says of a collective opening request. */
    public sealed interface OpeningStatus {

        /** The bank has no such request: it may be sent (again) under the same reference. */
        record NotReceived() implements OpeningStatus {}

        /** Received, the accounts not opened yet. */
        record InProgress() implements OpeningStatus {}

        /** Per payment id: the account opened in the person's name, or why none could be. */
        record Answered(Map<UUID, OpeningAnswer> answers) implements OpeningStatus {

            /**
             * An answer for every payment the request carried: the bank's answer is final, so one it has no line for
             * got no account from this request and is refused with that reason (paid at a post office), instead of
             * waiting in OPENING for an answer that will never come.
             */
            public Map<UUID, OpeningAnswer> forEvery(Collection<UUID> carried) {
                Map<UUID, OpeningAnswer> all = new LinkedHashMap<>(answers);
                for (UUID payment : carried) {
                    all.putIfAbsent(payment, new OpeningAnswer(null, null, OpeningAnswer.NO_LINE));
                }
                return all;
            }
        }

        record Unknown(String reason) implements OpeningStatus {}
    }

    /** The bank's answer for one person: {@code accountNumber} and {@code holderName}, or {@code refusal}. */
    public record OpeningAnswer(String accountNumber, String holderName, String refusal) {

        /** The refusal of a person the bank's final answer has no line for. */
        public static final String NO_LINE = "the bank's answer to the request has no line for this person";

        public boolean opened() {
            return accountNumber != null && refusal == null;
        }

        @Override
        public String toString() {
            return opened() ? "OpeningAnswer[opened]" : "OpeningAnswer[refused: " + refusal + "]";
        }
    }

    /**
     * Asks {@code bankCode} to open an account for each applicant (the bank's host-to-host collective opening, signed as
     * its SNAP services are). The bank takes the request once per {@code reference}: a repeat is answered as received.
     *
     * @return whether the bank has the request now; false: ask its status and send again later
     */
    public boolean requestAccounts(String reference, String bankCode, List<Applicant> applicants) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("partnerReferenceNo", reference);
        body.put("bankCode", bankCode);
        body.put(
                "applicants",
                applicants.stream()
                        .map(a -> Map.of(
                                "partnerReferenceNo", a.paymentId().toString(),
                                "name", a.name(),
                                "idNumberMasked", a.nikMasked() == null ? "" : a.nikMasked(),
                                "regencyCode", a.regencyCode()))
                        .toList());
        try {
            GatewayResponse response = gateway.post(OPENING, body, true);
            if (!response.isSuccess()) {
                log.warn(
                        "Collective opening request {} refused by the bank: {} {}",
                        reference,
                        response.status(),
                        response.text("responseMessage"));
            }
            return response.isSuccess();
        } catch (GatewayUnavailableException e) {
            log.warn(
                    "Collective opening request {} got no answer ({}); its status will tell",
                    reference,
                    e.getMessage());
            return false;
        }
    }

    /** The status of a collective opening request; safe to repeat. */
    public OpeningStatus openingStatus(String reference) {
        GatewayResponse response;
        try {
            response = gateway.post(OPENING_STATUS, Map.of("originalPartnerReferenceNo", reference), true);
        } catch (GatewayUnavailableException e) {
            return new OpeningStatus.Unknown(e.getMessage());
        }
        if (response.status() == 404) {
            return new OpeningStatus.NotReceived();
        }
        if (!response.isSuccess()) {
            return new OpeningStatus.Unknown("bank answered " + response.status());
        }
        String status = response.text("latestTransactionStatus");
        if ("03".equals(status)) {
            return new OpeningStatus.InProgress();
        }
        if (!"00".equals(status) || response.body().get("accounts") == null) {
            return new OpeningStatus.Unknown("bank opening status " + status);
        }
        Map<UUID, OpeningAnswer> answers = new LinkedHashMap<>();
        for (JsonNode account : response.body().get("accounts")) {
            UUID payment = UUID.fromString(account.get("partnerReferenceNo").asString());
            String accountNo = text(account, "accountNo");
            String refusal = text(account, "refusalReason");
            if (accountNo == null && refusal == null) {
                refusal = "the bank gave neither an account nor a reason";
            }
            answers.put(payment, new OpeningAnswer(accountNo, text(account, "accountName"), refusal));
        }
        return new OpeningStatus.Answered(answers);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
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
