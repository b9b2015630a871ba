package id.go.kemensos.returnee.audit.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import id.go.kemensos.returnee.contracts.disbursement.PaymentBatchPrepared;
import id.go.kemensos.returnee.contracts.disbursement.PaymentScheduled;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

class RecordConstructorsTest {

    private static final JsonMapper PLAIN = JsonMapper.builder().build();
    private static final JsonMapper SPREAD =
            JsonMapper.builder().addModule(new RecordConstructors()).build();

    record Amount(String currency, long value) {
        Amount {
            if (value < 0) {
                throw new IllegalArgumentException("a negative amount: " + value);
            }
        }
    }

    @Test
    void buildsTheSameRecordsAsJacksonDoes() {
        PaymentScheduled scheduled = new PaymentScheduled(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "stimulant-grant",
                "2019",
                UUID.randomUUID(),
                960_000,
                "52",
                "5202",
                Instant.parse("2019-10-01T03:00:00.123456Z"));
        PaymentBatchPrepared batch = new PaymentBatchPrepared(
                UUID.randomUUID(),
                "stimulant-grant",
                "2019",
                "52",
                "002",
                List.of(UUID.randomUUID(), UUID.randomUUID()),
                1_920_000,
                "maker-ntb",
                Instant.parse("2019-10-02T01:00:00Z"));
        for (Object event : List.of(scheduled, batch)) {
            byte[] json = PLAIN.writeValueAsBytes(event);
            assertThat(SPREAD.readValue(json, event.getClass()))
                    .isEqualTo(PLAIN.readValue(json, event.getClass()))
                    .isEqualTo(event);
        }
        // Missing values are still Jackson's to fill in.
        assertThat(SPREAD.readValue("{\"value\":5}", Amount.class)).isEqualTo(new Amount(null, 5));
    }

    @Test
    void reportsAConstructorsRefusalAsJacksonDoesThroughTheSpreadHandle() {
        String json = "{\"currency\":\"IDR\",\"value\":-5}";
        DatabindException plain =
                catchThrowableOfType(DatabindException.class, () -> PLAIN.readValue(json, Amount.class));
        DatabindException spread =
                catchThrowableOfType(DatabindException.class, () -> SPREAD.readValue(json, Amount.class));
        assertThat(spread).hasMessage(plain.getMessage()).hasRootCauseMessage("a negative amount: -5");
        assertThat(Arrays.stream(spread.getStackTrace()).map(StackTraceElement::getClassName))
                .contains(RecordConstructors.Spread.class.getName());
    }
}
