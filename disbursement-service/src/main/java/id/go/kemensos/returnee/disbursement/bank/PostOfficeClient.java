package id.go.kemensos.returnee.disbursement.bank;

import id.go.kemensos.returnee.disbursement.DisbursementProperties;
import id.go.kemensos.returnee.gateway.GatewayResponse;
import id.go.kemensos.returnee.gateway.GatewayUnavailableException;
import id.go.kemensos.returnee.gateway.ResilientGateway;
import id.go.kemensos.returnee.gateway.ResilientGateways;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * PT Pos's cash remittance (the money waits at any post office for its person, who shows the claim code and their KTP),
 * signed as the bank's gateway is: the platform is the same SNAP partner there, with the client secret PT Pos issued.
 * A remittance carries the payment id as {@code partnerReferenceNo}, which PT Pos issues one claim for; after an
 * ambiguous reply the client asks for its status, and sends again only when PT Pos says it never received it.
 */
@Component
public class PostOfficeClient {

    static final String REMIT = "/snap/v1.0/cash-remittance";
    static final String STATUS = "/snap/v1.0/cash-remittance/status";
    private static final int MAX_SENDS = 2;
    private static final Logger log = LoggerFactory.getLogger(PostOfficeClient.class);

    private final ResilientGateway gateway;
    private final String sourceAccount;

    PostOfficeClient(
            ResilientGateways gateways, DisbursementProperties properties, SnapPartner bankPartner, Clock clock) {
        DisbursementProperties.PostOffice office = properties.postOffice();
        SnapPartner partner = new SnapPartner(
                bankPartner.partnerId(),
                bankPartner.privateKeyFile(),
                office.clientSecretFile() == null || office.clientSecretFile().isBlank()
                        ? bankPartner.clientSecretFile()
                        : office.clientSecretFile(),
                bankPartner.channelId());
        this.gateway = gateways.create(
                "pos", office.gatewayUrl(), new SnapAuthentication(office.gatewayUrl(), partner, clock));
        this.sourceAccount = properties.sourceAccount();
    }

    public TransferOutcome remit(CashOrder order) {
        return order.alreadySent() ? checkStatus(order, MAX_SENDS) : send(order, MAX_SENDS);
    }

    private TransferOutcome send(CashOrder order, int sendsLeft) {
        if (order.recipientName() == null) {
            // Erased after the remittance was first sent: nothing can be issued again, and PT Pos never had it.
            return new TransferOutcome.Rejected(
                    TransferOutcome.PERSONAL_DATA_ERASED, "the payee's personal data was erased");
        }
        GatewayResponse response;
        try {
            response = gateway.post(REMIT, remittance(order), false);
        } catch (GatewayUnavailableException e) {
            log.warn("Cash remittance {} got no answer ({}); asking for its status", order.paymentId(), e.getMessage());
            return e.mayHaveExecuted()
                    ? checkStatus(order, sendsLeft - 1)
                    : new TransferOutcome.Unknown(e.getMessage());
        }
        if (response.isSuccess() && "2009700".equals(response.text("responseCode"))) {
            return issued(response);
        }
        if (response.status() == 400 || response.status() == 403 || response.status() == 404) {
            return new TransferOutcome.Rejected(response.text("responseCode"), response.text("responseMessage"));
        }
        return checkStatus(order, sendsLeft - 1);
    }

    private TransferOutcome checkStatus(CashOrder order, int sendsLeft) {
        GatewayResponse response;
        try {
            response = gateway.post(
                    STATUS,
                    Map.of("originalPartnerReferenceNo", order.paymentId().toString()),
                    true);
        } catch (GatewayUnavailableException e) {
            return new TransferOutcome.Unknown("status inquiry failed: " + e.getMessage());
        }
        if (response.status() == 404) {
            return sendsLeft > 0 ? send(order, sendsLeft) : new TransferOutcome.Unknown("not received by PT Pos yet");
        }
        if (!response.isSuccess()) {
            return new TransferOutcome.Unknown("PT Pos answered " + response.status());
        }
        // SNAP's transaction status codes: 00 paid out, 03 waiting at the office, 04 returned (deadline passed), 06
        // refused.
        String status = response.text("latestTransactionStatus");
        return switch (status == null ? "" : status) {
            case "00" -> new TransferOutcome.Settled(response.text("paidReferenceNo"));
            case "03" -> issued(response);
            case "04" -> new TransferOutcome.CashExpired(response.text("referenceNo"));
            case "06" -> new TransferOutcome.Rejected(status, response.text("transactionStatusDesc"));
            default -> new TransferOutcome.Unknown("PT Pos status " + status);
        };
    }

    private static TransferOutcome issued(GatewayResponse response) {
        String reference = response.text("referenceNo");
        String code = response.text("claimCode");
        try {
            LocalDate deadline = LocalDate.parse(response.text("claimDeadline"));
            if (reference == null || code == null || code.isBlank()) {
                return new TransferOutcome.Unknown("PT Pos answered without a reference or claim code");
            }
            return new TransferOutcome.CashIssued(reference, code, deadline);
        } catch (DateTimeParseException | NullPointerException e) {
            return new TransferOutcome.Unknown("PT Pos answered without a valid claim deadline");
        }
    }

    private Map<String, Object> remittance(CashOrder order) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("partnerReferenceNo", order.paymentId().toString());
        body.put("amount", Map.of("value", order.amount() + ".00", "currency", "IDR"));
        body.put("recipientName", order.recipientName());
        // What the counter checks against the KTP shown, besides the name; the NIK itself never leaves registration.
        body.put("recipientIdMasked", order.nikMasked());
        body.put("recipientRegencyCode", order.regencyCode());
        body.put("claimDays", order.claimDays());
        body.put("invitationLetter", order.invitationLetter());
        body.put("sourceAccountNo", sourceAccount);
        body.put("remark", "Bantuan " + order.programId());
        return body;
    }
}
