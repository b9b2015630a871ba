package id.go.kemensos.returnee.infra.sim;

import java.time.Instant;

/**
 * A message the SMS gateway simulator accepted, with its delivery state at the time of the snapshot. {@code status} is
 * ACCEPTED, DELIVERED or FAILED; {@code deliveredAt} is set only once DELIVERED.
 */
public record AcceptedSms(
        String messageId,
        String clientRef,
        String to,
        String text,
        int segments,
        String encoding,
        Instant acceptedAt,
        String status,
        Instant deliveredAt) {}
