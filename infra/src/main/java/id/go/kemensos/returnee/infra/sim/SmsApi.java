package id.go.kemensos.returnee.infra.sim;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Request/response bodies and validation of the SMS gateway simulator's HTTP API. */
final class SmsApi {

    /** International format only: the platform normalizes 08… numbers to +62… before sending. */
    static final Pattern E164 = Pattern.compile("^\\+[1-9]\\d{7,14}$");

    private SmsApi() {}

    record SendRequest(String clientRef, String to, String text, String callbackUrl) {}

    record SendResponse(String messageId, String status, int segments, String encoding) {}

    /** Body of {@code POST /sms/v1/messages/batch}: up to {@link #MAX_BATCH} messages in one request. */
    record BatchSendRequest(List<SendRequest> messages) {}

    /**
     * One message's answer in a batch, in the request's order: ACCEPTED with its id, or REJECTED with the error a
     * single send would have answered 400 with.
     */
    record BatchResult(
            String clientRef, String messageId, String status, Integer segments, String encoding, String error) {}

    record BatchSendResponse(List<BatchResult> results) {}

    /** Body of a delivery-receipt POST: the receipts of one callback URL gathered since the last POST. */
    record DeliveryReports(List<DeliveryReport> results) {}

    /** Aggregators cap a batch; beyond it the whole request is refused. */
    static final int MAX_BATCH = 100;

    /** Polling answer and delivery-receipt body alike; {@code deliveredAt} is null until DELIVERED. */
    record DeliveryReport(String messageId, String clientRef, String status, Instant deliveredAt) {}

    /** Body of {@code PUT /sim/delivery}. */
    record DeliverySettings(long delayMillis, double failureRate) {}

    /** The 400 error code for a send request, or null when it is acceptable. */
    static String validationError(SendRequest request) {
        if (request.clientRef() == null || request.clientRef().isBlank()) {
            return "MISSING_CLIENT_REF";
        }
        if (request.to() == null || !E164.matcher(request.to()).matches()) {
            return "INVALID_NUMBER";
        }
        if (request.text() == null || request.text().isEmpty()) {
            return "EMPTY_TEXT";
        }
        if (request.callbackUrl() != null && !request.callbackUrl().matches("^https?://\\S+$")) {
            return "INVALID_CALLBACK_URL";
        }
        return null;
    }

    /** Body of an injected fault: 500 for an error, 504 for a timeout or lost reply. */
    static Object fault(int httpStatus) {
        return Map.of("error", httpStatus == 504 ? "GATEWAY_TIMEOUT" : "INTERNAL_ERROR");
    }
}
