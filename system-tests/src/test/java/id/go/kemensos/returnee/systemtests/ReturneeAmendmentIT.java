package id.go.kemensos.returnee.systemtests;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kemensos.returnee.contracts.registration.RegistrationTopics;
import id.go.kemensos.returnee.contracts.registration.ReturneeUpdated;
import id.go.kemensos.returnee.infra.stack.LocalStack;
import id.go.kemensos.returnee.privacy.BlindIndex;
import id.go.kemensos.returnee.privacy.PlatformKeys;
import id.go.kemensos.returnee.testsupport.EventLog;
import id.go.kemensos.returnee.testsupport.PlatformIntegrationTest;
import id.go.kemensos.returnee.testsupport.RegistrationApi;
import id.go.kemensos.returnee.testsupport.ReturneeMother;
import id.go.kemensos.returnee.testsupport.RunningPlatform;
import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A registered returnee's new phone and account, amended at a desk or by a later upload, reach disbursement (payee) and
 * notification (contact) through ReturneeUpdated; an amendment that changes nothing raises nothing.
 */
@PlatformIntegrationTest
class ReturneeAmendmentIT {

    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.start();
    }

    @Test
    void aNewPhoneAndAccountReachPayeeAndContactAndAnUnchangedAmendmentRaisesNothing() throws Exception {
        Map<String, Object> siti = ReturneeMother.sitiAminahLombokTengah();
        UUID beneficiary = platform.registration().register(siti);
        Map<String, Object> later =
                ReturneeMother.sitiAminahLombokTengah(); // supplies a fresh phone and account number
        Map<String, Object> amendment = Map.of(
                "phone",
                later.get("phone"),
                "bankCode",
                "009",
                "accountNumber",
                later.get("accountNumber"),
                "accountHolderName",
                "SITI AMINAH");

        assertThat(platform.registration().amend(beneficiary, amendment).status())
                .isEqualTo(200);

        await().atMost(ofSeconds(60)).untilAsserted(() -> {
            // Both kept sealed with her key: opened here with the stack's keys, as the services open them.
            assertThat(platform.sealedColumns().payeeAccount(beneficiary)).hasValueSatisfying(a -> {
                assertThat(a.bankCode()).isEqualTo("009");
                assertThat(a.accountNumber()).isEqualTo(later.get("accountNumber"));
            });
            assertThat(platform.sealedColumns().contactPhone(beneficiary)).contains(ReturneeMother.phoneE164(later));
        });
        assertThat(platform.registration().amend(beneficiary, amendment).status())
                .as("the same values again")
                .isEqualTo(200);

        // A later upload lists her with the same identity and yet another phone: accepted as an amendment, not a new
        // person.
        Map<String, Object> third = ReturneeMother.sitiAminahLombokTengah();
        String csv = "nik,nama_sesuai_ktp,jenis_kelamin,tanggal_lahir,kabupaten_kota,no_hp,kategori,tanggal_kepulangan,"
                + "kode_bank,no_rekening,nama_pemilik_rekening\n"
                + String.join(
                        ",",
                        (String) siti.get("nik"),
                        "Siti  Aminah",
                        "P",
                        (String) siti.get("birthDate"),
                        "LOMBOK TENGAH",
                        (String) third.get("phone"),
                        "PMIB_DEPORTEE",
                        "02-09-2019",
                        "009",
                        (String) later.get("accountNumber"),
                        "SITI AMINAH")
                + "\n";
        RegistrationApi.Response uploaded =
                platform.registration().upload(csv.getBytes(StandardCharsets.UTF_8), "amend.csv", "52");
        assertThat(uploaded.status()).as("%s", uploaded.body()).isEqualTo(202);

        await().atMost(ofSeconds(60))
                .untilAsserted(() -> assertThat(platform.sealedColumns().contactPhone(beneficiary))
                        .contains(ReturneeMother.phoneE164(third)));
        // The NIK is not stored: its blind index, under the stack's NIK index key, is what keeps one registration per
        // NIK.
        String index = new BlindIndex(PlatformKeys.load(
                        LocalStack.keysDirectory(platform.stack().home())))
                .of((String) siti.get("nik"));
        assertThat(platform.database().count("SELECT COUNT(*) FROM registration.returnee WHERE nik_index = ?", index))
                .isEqualTo(1);

        EventLog log = new EventLog(platform.stack().kafka().bootstrapServers());
        assertThat(log.cloudEvents(RegistrationTopics.EVENTS, beneficiary.toString()))
                .extracting(CloudEvent::getType)
                .filteredOn(ReturneeUpdated.EVENT_TYPE.type()::equals)
                .as("one event per real change: the desk amendment and the upload, not the repeated desk call")
                .hasSize(2);
    }
}
