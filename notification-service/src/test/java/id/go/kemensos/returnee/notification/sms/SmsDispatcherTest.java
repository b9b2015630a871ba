package id.go.kemensos.returnee.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kemensos.returnee.contracts.reference.ProvinceZones;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmsDispatcherTest {

    private static final ProvinceZones ZONES = ProvinceZones.load();

    private static SmsMessages.PendingSms paymentSent(String provinceCode, Map<String, String> params) {
        return new SmsMessages.PendingSms(
                UUID.randomUUID(),
                UUID.randomUUID(),
                SmsTemplate.PAYMENT_SENT,
                UUID.randomUUID(),
                params,
                1,
                "SITI AMINAH",
                "+6281234567890",
                "id",
                provinceCode);
    }

    @ParameterizedTest(name = "settled 23:30 WIB on 5 December, told in province {0} as {1}")
    @CsvSource({"31, 05/12/2026", "52, 06/12/2026", "91, 06/12/2026"})
    void aPaymentIsDatedInTheTimeOfThePersonsProvince(String province, String date) {
        Map<String, String> params = SmsDispatcher.params(
                paymentSent(province, Map.of("program", "BSU", SmsQueue.SETTLED_AT, "2026-12-05T16:30:00Z")), ZONES);

        assertThat(params)
                .containsEntry("date", date)
                .containsEntry("name", "SITI AMINAH")
                .doesNotContainKey(SmsQueue.SETTLED_AT);
    }

    @Test
    void aMessageQueuedWithItsDateAlreadyKeepsIt() {
        Map<String, String> params = SmsDispatcher.params(paymentSent("52", Map.of("date", "05/12/2026")), ZONES);

        assertThat(params).containsEntry("date", "05/12/2026");
    }
}
