package id.go.kemensos.returnee.contracts.casework;

import id.go.kemensos.returnee.contracts.EventType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A complaint, or a request to review a refusal ({@code decisionId}), received from the person at the Dinas Sosial
 * office, through helpline 171 or as a reply to an SMS; due by the service standard of its kind, owned by the area's
 * case worker (null: the province's office). What the person said stays in case-service.
 */
public record GrievanceReceived(
        UUID grievanceId,
        UUID beneficiaryId,
        Kind kind,
        Channel channel,
        UUID decisionId,
        String provinceCode,
        String regencyCode,
        String owner,
        LocalDate dueOn,
        String receivedBy,
        Instant receivedAt)
        implements CaseEvent {

    public static final EventType EVENT_TYPE = EventType.of(CaseTopics.AGGREGATE, GrievanceReceived.class, 1);

    public enum Kind {
        COMPLAINT,
        REVIEW_REQUEST
    }

    public enum Channel {
        OFFICE,
        HELPLINE_171,
        SMS_REPLY
    }
}
