package id.go.kemensos.returnee.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kemensos.returnee.contracts.disbursement.DisbursementEvent;
import id.go.kemensos.returnee.contracts.eligibility.EligibilityEvent;
import id.go.kemensos.returnee.contracts.notification.NotificationEvent;
import id.go.kemensos.returnee.contracts.registration.RegistrationEvent;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProducerStreamsTest {

    /** The sealed interface of each producer whose stream has more than one type. */
    private static final Map<String, Class<? extends PlatformEvent>> STREAMS = Map.of(
            "registration", RegistrationEvent.class,
            "eligibility", EligibilityEvent.class,
            "disbursement", DisbursementEvent.class,
            "notification", NotificationEvent.class);

    @Test
    void everyCataloguedTypeBelongsToItsProducersSealedStream() {
        for (EventType type : EventCatalog.all()) {
            String producer = type.aggregateType().split("\\.")[0];
            Class<? extends PlatformEvent> stream = STREAMS.get(producer);
            if (stream != null) {
                assertThat(stream).as(type.type()).isAssignableFrom(type.payload());
            }
        }
    }

    @Test
    void aSealedStreamPermitsExactlyTheCataloguedTypesOfItsProducer() {
        STREAMS.forEach((producer, stream) -> {
            assertThat(stream.isSealed()).as(stream.getSimpleName()).isTrue();
            assertThat(EventCatalog.all())
                    .filteredOn(t -> stream.isAssignableFrom(t.payload()))
                    .allSatisfy(t -> assertThat(t.aggregateType()).startsWith(producer));
        });
    }
}
