package id.go.kemensos.returnee.messaging;

import static id.go.kemensos.returnee.messaging.EligibilityRecords.bytes;
import static id.go.kemensos.returnee.messaging.EligibilityRecords.decided;
import static id.go.kemensos.returnee.messaging.EligibilityRecords.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kemensos.returnee.contracts.disbursement.PaymentFailed;
import id.go.kemensos.returnee.contracts.eligibility.EligibilityDecided;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class IncomingEventsTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final IncomingEvents events = new IncomingEvents(json);
    private final UUID beneficiary = UUID.randomUUID();

    @Test
    void decodesAKnownCloudEventIntoItsPayloadRecord() {
        EligibilityDecided payload = decided(beneficiary);

        IncomingEvent event = events.read(
                record(EligibilityDecided.EVENT_TYPE.type(), beneficiary.toString(), json.writeValueAsBytes(payload)));

        assertThat(event.payloadAs(EligibilityDecided.class)).contains(payload);
        assertThat(event.subject()).isEqualTo(beneficiary.toString());
        assertThat(event.position()).isEqualTo("eligibility.events-2@41");
    }

    @Test
    void aPaymentRecordWrittenBeforePaymentsNamedTheirProgramStillDecodes() {
        // As disbursement-service wrote PaymentFailed before programId was added (topics are kept forever).
        String before = "{\"paymentId\":\"0190f5a4-0000-7000-8000-0000000000aa\",\"beneficiaryId\":\"" + beneficiary
                + "\",\"amount\":960000,\"bankCode\":\"002\",\"accountNumberMasked\":\"***5501\","
                + "\"reasonCode\":\"4030\",\"reason\":\"Rekening ditutup\",\"failedAt\":\"2026-11-22T10:15:30Z\"}";

        PaymentFailed failed = events.read(record(
                        PaymentFailed.EVENT_TYPE.type(),
                        beneficiary.toString(),
                        before.getBytes(StandardCharsets.UTF_8)))
                .payloadAs(PaymentFailed.class)
                .orElseThrow();

        assertThat(failed.beneficiaryId()).isEqualTo(beneficiary);
        assertThat(failed.reason()).isEqualTo("Rekening ditutup");
        assertThat(failed.programId())
                .as("unknown then: every payment was the grant's")
                .isNull();
    }

    @Test
    void leavesTheTypesItDoesNotKnowUndecodedSoThatNewContractsAreSafe() {
        IncomingEvent event =
                events.read(record("id.go.kemensos.eligibility.SomethingNew.v1", beneficiary.toString(), bytes("{}")));

        assertThat(event.payload()).isNull();
        assertThat(event.payloadAs(EligibilityDecided.class)).isEmpty();
    }

    @Test
    void aRecordWithoutCloudEventsHeadersIsMalformed() {
        assertThatThrownBy(() -> events.read(record(null, beneficiary.toString(), bytes("{not json"))))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("not a CloudEvent");
    }

    @Test
    void aPayloadThatDoesNotMatchItsTypeIsMalformed() {
        assertThatThrownBy(() -> events.read(record(
                        EligibilityDecided.EVENT_TYPE.type(),
                        beneficiary.toString(),
                        bytes("{\"beneficiaryId\":\"not-a-uuid\"}"))))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("does not match");
    }

    @Test
    void aSubjectThatNamesSomeoneElseIsMalformed() {
        byte[] aboutSomeoneElse = json.writeValueAsBytes(decided(UUID.randomUUID()));

        assertThatThrownBy(() -> events.read(
                        record(EligibilityDecided.EVENT_TYPE.type(), beneficiary.toString(), aboutSomeoneElse)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("another beneficiary");
    }
}
