package id.go.kemensos.returnee.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kemensos.returnee.contracts.registration.ReturneeRegistered;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventCatalogTest {

    @Test
    void typesAreReverseDnsAndVersioned() {
        assertThat(ReturneeRegistered.EVENT_TYPE.type()).isEqualTo("id.go.kemensos.registration.ReturneeRegistered.v1");
        assertThat(EventCatalog.all())
                .allSatisfy(t -> assertThat(t.type())
                        .matches("id\\.go\\.kemensos\\.[a-z]+(\\.[a-z]+)?\\.[A-Z][A-Za-z]+\\.v\\d+"));
        assertThat(EventCatalog.all())
                .filteredOn(t -> t.source() != null)
                .allSatisfy(t -> assertThat(t.source().toString()).matches("/kemensos/[a-z]+-service"));
    }

    @Test
    void everyTypeIsFoundByItsNameAndRoutesToItsProducersTopic() {
        for (EventType type : EventCatalog.all()) {
            assertThat(EventCatalog.byType(type.type())).contains(type);
            assertThat(type.topic()).isEqualTo(type.aggregateType() + ".events");
        }
        assertThat(Topics.allEventTopics())
                .containsExactly(
                        "access.events",
                        "audit.events",
                        "case.events",
                        "case.protection.events",
                        "disbursement.events",
                        "eligibility.events",
                        "eligibility.protection.events",
                        "notification.events",
                        "registration.events");
    }

    @Test
    void aServicesOutboxGoesToItsOwnTopicsAndTheSharedOne() {
        assertThat(EventCatalog.topicsRaisedBy("registration-service"))
                .containsExactly("access.events", "registration.events");
        assertThat(EventCatalog.topicsRaisedBy("eligibility-service"))
                .containsExactly("access.events", "eligibility.events", "eligibility.protection.events");
        assertThat(EventCatalog.topicsRaisedBy("case-service"))
                .containsExactly("access.events", "case.events", "case.protection.events");
        assertThat(EventCatalog.topicsRaisedBy("audit-service")).containsExactly("access.events", "audit.events");
    }

    @Test
    void namesTheSettingsOfATopicThatDoNotKeepItsRecordsForever() {
        Map<String, String> compacted =
                Map.of("retention.ms", "-1", "retention.bytes", "-1", "cleanup.policy", "compact");
        Map<String, String> weekOld = Map.of("retention.ms", "604800000", "cleanup.policy", "delete");

        assertThat(Topics.unlikeKeptForever(Topics.KEPT_FOREVER::get)).isEmpty();
        assertThat(Topics.unlikeKeptForever(compacted::get)).containsExactly(Map.entry("cleanup.policy", "compact"));
        assertThat(Topics.unlikeKeptForever(weekOld::get))
                .containsOnlyKeys("retention.bytes", "retention.ms")
                .containsEntry("retention.bytes", null)
                .containsEntry("retention.ms", "604800000");
    }

    @Test
    void masksAccountNumbersAndNiks() {
        assertThat(MaskedValues.lastFour("012301012345501")).isEqualTo("***5501");
        assertThat(MaskedValues.nik("5202015508900001")).isEqualTo("5202**********01");
        assertThat(MaskedValues.initials(" SITI  AMINAH ")).isEqualTo("S. A.");
        assertThat(MaskedValues.initials(null)).isEmpty();
    }
}
