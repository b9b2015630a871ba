package id.go.kemensos.returnee.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kemensos.returnee.contracts.PlatformEvent;
import id.go.kemensos.returnee.contracts.disbursement.PaymentApproved;
import id.go.kemensos.returnee.contracts.registration.PersonalDataErased;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventHandlersTest {

    private static final UUID PERSON = UUID.randomUUID();

    private static IncomingEvent incoming(UUID id, PlatformEvent payload) {
        return new IncomingEvent(
                id,
                payload == null
                        ? "id.go.kemensos.returnee.unknown.v1"
                        : payload.getClass().getSimpleName(),
                null,
                PERSON.toString(),
                OffsetDateTime.now(),
                payload,
                "t",
                0,
                0);
    }

    @Test
    void anEventGoesToTheHandlerOfItsTypeWithItsId() {
        List<String> seen = new ArrayList<>();
        EventHandlers<PlatformEvent> handlers = EventHandlers.of("c", PlatformEvent.class)
                .on(PersonalDataErased.class, e -> seen.add("erased " + e.beneficiaryId()))
                .onWithEventId(PaymentApproved.class, (e, id) -> seen.add("approved " + e.amount() + " from " + id));
        UUID eventId = UUID.randomUUID();

        handlers.handlingOf(incoming(
                        eventId,
                        new PaymentApproved(UUID.randomUUID(), PERSON, 960_000, "checker", Instant.now(), "BSU")))
                .orElseThrow()
                .run();
        handlers.handlingOf(
                        incoming(UUID.randomUUID(), new PersonalDataErased(PERSON, "request", "dpo", Instant.now())))
                .orElseThrow()
                .run();

        assertThat(seen).containsExactly("approved 960000 from " + eventId, "erased " + PERSON);
    }

    @Test
    void aTypeTheConsumerDoesNotHandleOrDoesNotKnowIsSkipped() {
        EventHandlers<PlatformEvent> handlers =
                EventHandlers.of("c", PlatformEvent.class).on(PersonalDataErased.class, e -> {});
        assertThat(handlers.handlingOf(incoming(
                        UUID.randomUUID(),
                        new PaymentApproved(UUID.randomUUID(), PERSON, 1, "x", Instant.now(), "BSU"))))
                .isEmpty();
        assertThat(handlers.handlingOf(incoming(UUID.randomUUID(), null)))
                .as("a type from a newer producer")
                .isEmpty();
    }

    @Test
    void aTypeIsHandledOncePerConsumer() {
        EventHandlers<PlatformEvent> handlers =
                EventHandlers.of("c", PlatformEvent.class).on(PersonalDataErased.class, e -> {});
        assertThatThrownBy(() -> handlers.on(PersonalDataErased.class, e -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PersonalDataErased");
    }
}
