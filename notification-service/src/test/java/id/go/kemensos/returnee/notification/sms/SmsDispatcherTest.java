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
                provinceCode,
                provinceCode + "02");
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
    void theOfficeIsTheRegencyThePersonWasRegisteredIn() {
        SmsTemplates templates =
                new SmsTemplates(id.go.kemensos.returnee.contracts.program.ProgramCatalogue.load(""), "");
        SmsMessages.PendingSms failed = new SmsMessages.PendingSms(
                UUID.randomUUID(),
                UUID.randomUUID(),
                SmsTemplate.PAYMENT_FAILED,
                UUID.randomUUID(),
                Map.of("program", "BSU"),
                1,
                "SITI AMINAH",
                "+6281234567890",
                "id",
                "52",
                "5202");

        assertThat(templates.render(failed.template(), failed.language(), SmsDispatcher.params(failed, ZONES)))
                .contains("Hubungi Dinsos Kab. Lombok Tengah.");
        SmsMessages.PendingSms keptBefore = new SmsMessages.PendingSms(
                failed.messageId(),
                failed.beneficiaryId(),
                failed.template(),
                failed.sourceEventId(),
                failed.params(),
                1,
                "SITI AMINAH",
                "+6281234567890",
                "id",
                "52",
                null);
        assertThat(templates.render(failed.template(), failed.language(), SmsDispatcher.params(keptBefore, ZONES)))
                .as("a contact kept before its regency was")
                .contains("Hubungi Dinsos setempat.");
    }

    @Test
    void aMessageQueuedWithItsDateAlreadyKeepsIt() {
        Map<String, String> params = SmsDispatcher.params(paymentSent("52", Map.of("date", "05/12/2026")), ZONES);

        assertThat(params).containsEntry("date", "05/12/2026");
    }
}
