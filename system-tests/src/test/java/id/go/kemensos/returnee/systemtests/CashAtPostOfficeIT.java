package id.go.kemensos.returnee.systemtests;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kemensos.returnee.contracts.disbursement.DisbursementTopics;
import id.go.kemensos.returnee.infra.launcher.PlatformService;
import id.go.kemensos.returnee.infra.sim.AcceptedSms;
import id.go.kemensos.returnee.infra.sim.BankGatewaySimulator;
import id.go.kemensos.returnee.infra.sim.PostOfficeSimulator;
import id.go.kemensos.returnee.testsupport.EventLog;
import id.go.kemensos.returnee.testsupport.OfficerLogin;
import id.go.kemensos.returnee.testsupport.PlatformIntegrationTest;
import id.go.kemensos.returnee.testsupport.ReturneeMother;
import id.go.kemensos.returnee.testsupport.RunningPlatform;
import id.go.kemensos.returnee.testsupport.ServiceApi;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A returnee without a bank account is not shut out (issue 21): registered with a warning, found eligible, and paid in
 * cash at a post office, or, in a city where the grant's bank opens accounts in bulk, into an account the bank opened for
 * them. PT Pos (the simulator, SNAP-signed like the bank) holds the money against a claim code that
 * reaches the person only in their SMS; they collect it at the counter with the code and their KTP, and the ledger
 * settles it. Cash nobody collects by the deadline comes back, the person is told, and finance can reissue it.
 */
@PlatformIntegrationTest
class CashAtPostOfficeIT {

    private static final Pattern CODE = Pattern.compile("kode (\\d{10})");

    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.start();
    }

    private static Map<String, Object> withoutAccount(Map<String, Object> returnee) {
        returnee.remove("bankCode");
        returnee.remove("accountNumber");
        returnee.remove("accountHolderName");
        return returnee;
    }

    private static String state(UUID person) {
        List<Map<String, Object>> rows = platform.database()
                .rows(
                        "SELECT state, channel, failure_code FROM disbursement.payment_intent WHERE beneficiary_id = ?"
                                + " AND live = 1",
                        person.toString());
        return rows.isEmpty()
                ? null
                : rows.get(0).get("state") + "/" + rows.get(0).get("channel");
    }

    private static UUID livePaymentOf(UUID person) {
        return UUID.fromString((String) platform.database()
                .rows(
                        "SELECT payment_id FROM disbursement.payment_intent WHERE beneficiary_id = ? AND live = 1",
                        person.toString())
                .get(0)
                .get("payment_id"));
    }

    /** The claim code as the person reads it in their SMS. */
    private static String codeSentTo(Map<String, Object> returnee, int nth) {
        List<String> codes = platform.stack().sms().messagesTo(ReturneeMother.phoneE164(returnee)).stream()
                .map(AcceptedSms::text)
                .map(CODE::matcher)
                .filter(Matcher::find)
                .map(m -> m.group(1))
                .toList();
        return codes.size() < nth ? null : codes.get(nth - 1);
    }

    @Test
    void aReturneeWithoutAnAccountCollectsTheGrantAtAPostOfficeWithTheCodeSentToThem() {
        Map<String, Object> returnee = withoutAccount(ReturneeMother.baiqNurulLombokUtara());
        UUID person = platform.registration().register(returnee);

        ServiceApi clerk = platform.api(PlatformService.REGISTRATION, OfficerLogin.CLERK_NTB);
        JsonNode view = clerk.get("/api/returnees/" + person).body();
        assertThat(view.get("cashAtPostOffice").asBoolean()).isTrue();
        assertThat(view.hasNonNull("bankCode")).isFalse();

        String code = await().atMost(ofSeconds(90)).until(() -> codeSentTo(returnee, 1), c -> c != null);
        String ready = platform.stack().sms().messagesTo(ReturneeMother.phoneE164(returnee)).stream()
                .map(AcceptedSms::text)
                .filter(t -> t.contains(code))
                .findFirst()
                .orElseThrow();
        assertThat(ready).contains("Kantor Pos", "KTP", "Rp960.000", "Gratis", "Kode rahasia");
        assertThat(state(person)).isEqualTo("SENT/POS_CASH");
        assertThat(clerk.get("/api/returnees/" + person).body().get("status").asString())
                .isEqualTo("CASH_AT_POST_OFFICE");

        // The code is the person's alone: on Kafka it travels sealed with their key, never in clear.
        EventLog log = new EventLog(platform.stack().kafka().bootstrapServers());
        assertThat(log.raw(DisbursementTopics.EVENTS, r -> person.toString().equals(r.key())))
                .isNotEmpty()
                .noneSatisfy(r -> assertThat(new String(r.value(), StandardCharsets.UTF_8))
                        .contains(code));

        // At the counter: someone else's KTP is refused, the person's own is paid, once.
        PostOfficeSimulator postOffice = platform.stack().postOffice();
        String nik = (String) returnee.get("nik");
        String otherNik = nik.substring(0, 14) + (nik.endsWith("99") ? "98" : "99");
        assertThat(postOffice
                        .claim(new PostOfficeSimulator.CounterClaim(code, otherNik, "KCP Tanjung"))
                        .status())
                .isEqualTo(403);
        assertThat(postOffice
                        .claim(new PostOfficeSimulator.CounterClaim(code, nik, "KCP Tanjung"))
                        .status())
                .isEqualTo(200);

        await().atMost(ofSeconds(30)).until(() -> "SETTLED/POS_CASH".equals(state(person)));
        await().atMost(ofSeconds(30))
                .until(() -> "PAID"
                        .equals(clerk.get("/api/returnees/" + person)
                                .body()
                                .get("status")
                                .asString()));
        await().atMost(ofSeconds(30))
                .until(() -> platform.stack().sms().messagesTo(ReturneeMother.phoneE164(returnee)).stream()
                        .anyMatch(sms -> sms.text().contains("sdh Anda ambil tunai di Kantor Pos")));
        assertThat(postOffice.stats().payouts()).isGreaterThanOrEqualTo(1);
        // Finance sees what went in cash beside what went by transfer.
        JsonNode byChannel = platform.disbursement()
                .get("/api/reports/payments?groupBy=channel,state&provinceCode=52")
                .body();
        assertThat(byChannel
                        .valueStream()
                        .filter(row -> row.get("channel").asString().equals("POS_CASH")
                                && row.get("state").asString().equals("SETTLED"))
                        .mapToLong(row -> row.get("payments").asLong())
                        .sum())
                .isGreaterThanOrEqualTo(1);
        // And whether men and women, young and old, are paid alike, from the ledger's own payees.
        JsonNode bySex = platform.disbursement()
                .get("/api/reports/payments?groupBy=sex,ageBand,state&provinceCode=52")
                .body();
        assertThat(bySex.valueStream()
                        .filter(row -> "FEMALE".equals(row.get("sex").asString())
                                && row.get("age_band").asString().startsWith("AGE_")
                                && row.get("state").asString().equals("SETTLED"))
                        .mapToLong(row -> row.get("payments").asLong())
                        .sum())
                .as("%s", bySex)
                .isGreaterThanOrEqualTo(1);
        assertThat(platform.database()
                        .count(
                                "SELECT COUNT(*) FROM disbursement.payment_intent WHERE beneficiary_id = ?",
                                person.toString()))
                .as("one payment, never a transfer beside it")
                .isEqualTo(1);
    }

    /**
     * Kota Mataram is where the grant's bank (BRI) opens accounts for people without one (BSU.yaml collectiveAccounts):
     * the platform asks for it, the bank opens it in the person's name, its inquiry confirms the holder, the grant is
     * paid into it, and the person is told which account to activate with their KTP, never its full number.
     */
    @Test
    void inACityWhereTheGrantsBankOpensAccountsAReturneeWithoutOneIsPaidIntoANewAccountInTheirName() {
        Map<String, Object> returnee = withoutAccount(ReturneeMother.rinaWulandariMataram());
        UUID person = platform.registration().register(returnee);

        await().atMost(ofSeconds(90)).until(() -> "SETTLED/BANK_TRANSFER".equals(state(person)));
        UUID payment = livePaymentOf(person);
        BankGatewaySimulator bank = platform.stack().bank();
        List<BankGatewaySimulator.CollectiveAccount> openedFor = bank.collectiveAccounts().stream()
                .filter(a -> a.partnerReferenceNo().equals(payment.toString()))
                .toList();
        assertThat(openedFor).as("one account opened, whatever the retries").hasSize(1);
        BankGatewaySimulator.CollectiveAccount opened = openedFor.get(0);
        assertThat(opened.bankCode()).isEqualTo("002");
        assertThat(opened.accountNo()).startsWith("527101");
        assertThat(bank.executedTransfers())
                .filteredOn(t -> t.partnerReferenceNo().equals(payment.toString()))
                .singleElement()
                .satisfies(t -> {
                    assertThat(t.accountNo()).isEqualTo(opened.accountNo());
                    assertThat(t.amount()).isEqualTo(960_000);
                });
        assertThat(platform.database()
                        .count(
                                "SELECT COUNT(*) FROM disbursement.payment_intent WHERE payment_id = ?"
                                        + " AND account_check = 'VERIFIED' AND opening_bank_code = '002'"
                                        + " AND opening_reference IS NOT NULL",
                                payment.toString()))
                .as("checked by the bank's inquiry like any account")
                .isEqualTo(1);

        String lastFour = opened.accountNo().substring(opened.accountNo().length() - 4);
        await().atMost(ofSeconds(30))
                .until(() -> platform.stack().sms().messagesTo(ReturneeMother.phoneE164(returnee)).stream()
                        .map(AcceptedSms::text)
                        .anyMatch(t -> t.contains("sdh dibuka") && t.contains("BRI") && t.contains(lastFour)));
        await().atMost(ofSeconds(30))
                .until(() -> platform.stack().sms().messagesTo(ReturneeMother.phoneE164(returnee)).stream()
                        .map(AcceptedSms::text)
                        .anyMatch(t -> t.contains("ditransfer")));
        assertThat(platform.stack().sms().messagesTo(ReturneeMother.phoneE164(returnee)))
                .noneSatisfy(sms -> assertThat(sms.text()).contains(opened.accountNo()));
        // On Kafka the new account travels as its last digits only.
        EventLog log = new EventLog(platform.stack().kafka().bootstrapServers());
        assertThat(log.raw(DisbursementTopics.EVENTS, r -> person.toString().equals(r.key())))
                .anySatisfy(r -> assertThat(new String(r.value(), StandardCharsets.UTF_8))
                        .contains("\"openingReference\"", "\"bankCode\":\"002\""))
                .noneSatisfy(r -> assertThat(new String(r.value(), StandardCharsets.UTF_8))
                        .contains(opened.accountNo()));
    }

    /** A person the bank cannot open an account for (its KYC refuses their data) is not lost: the cash goes to PT Pos. */
    @Test
    void whomTheBankCannotOpenAnAccountForCollectsTheGrantAtAPostOffice() {
        platform.stack().bank().refuseCollectiveAccountFor("DEWI KARTIKA SARI");

        assertPaidAtAPostOffice("DEWI KARTIKA SARI", "%Dukcapil%Kantor Pos%");
    }

    /** A person the bank's final answer leaves out is not left waiting for an account: the cash goes to PT Pos. */
    @Test
    void whomTheBanksAnswerLeavesOutCollectsTheGrantAtAPostOffice() {
        platform.stack().bank().leaveOutOfCollectiveAnswer("NURUL HIDAYATI");

        assertPaidAtAPostOffice("NURUL HIDAYATI", "%no line for this person%Kantor Pos%");
    }

    /** A Mataram returnee without an account, registered as {@code name}: sent to PT Pos, with the reason given. */
    private static void assertPaidAtAPostOffice(String name, String reasonLike) {
        Map<String, Object> returnee = withoutAccount(ReturneeMother.rinaWulandariMataram());
        returnee.put("fullName", name);
        UUID person = platform.registration().register(returnee);

        await().atMost(ofSeconds(90)).until(() -> codeSentTo(returnee, 1), c -> c != null);
        assertThat(state(person)).isEqualTo("SENT/POS_CASH");
        assertThat(platform.database()
                        .count(
                                "SELECT COUNT(*) FROM disbursement.payment_intent WHERE beneficiary_id = ?"
                                        + " AND account_check_detail LIKE ?",
                                person.toString(),
                                reasonLike))
                .isEqualTo(1);
    }

    /** Neither account nor phone: no SMS can carry the code, so PT Pos is asked to deliver it in an invitation letter. */
    @Test
    void withNeitherAccountNorPhoneTheCodeGoesByAnInvitationLetterFromPtPos() {
        Map<String, Object> returnee = withoutAccount(ReturneeMother.sitiAminahLombokTengah());
        returnee.remove("phone");
        UUID person = platform.registration().register(returnee);

        await().atMost(ofSeconds(90)).until(() -> "SENT/POS_CASH".equals(state(person)));
        UUID payment = livePaymentOf(person);
        PostOfficeSimulator.Remittance remittance = await().atMost(ofSeconds(30))
                .until(
                        () -> platform.stack().postOffice().remittances().stream()
                                .filter(r -> r.partnerReferenceNo().equals(payment.toString()))
                                .findFirst()
                                .orElse(null),
                        r -> r != null);
        assertThat(remittance.invitationLetter()).isTrue();
        assertThat(platform.stack().postOffice().remittances().stream()
                        .filter(r -> !r.partnerReferenceNo().equals(payment.toString()))
                        .filter(PostOfficeSimulator.Remittance::invitationLetter)
                        .count())
                .as("only those without a phone get a letter")
                .isZero();
        await().atMost(ofSeconds(30))
                .until(() -> platform.database()
                                .count(
                                        "SELECT COUNT(*) FROM notification.sms_message WHERE beneficiary_id = ? "
                                                + "AND template = 'CASH_READY' AND state = 'WITHHELD'",
                                        person.toString())
                        == 1);
    }

    @Test
    void cashNobodyCollectsByTheDeadlineComesBackAndFinanceReissuesIt() {
        Map<String, Object> returnee = withoutAccount(ReturneeMother.laluZainiLombokTimur());
        UUID person = platform.registration().register(returnee);
        String first = await().atMost(ofSeconds(90)).until(() -> codeSentTo(returnee, 1), c -> c != null);
        UUID payment = livePaymentOf(person);

        // A month and a day pass at the post offices: the deadline (30 days, the program's) is behind.
        platform.stack().postOffice().advanceCalendar(31);

        await().atMost(ofSeconds(30))
                .until(() -> platform.database()
                                .count(
                                        "SELECT COUNT(*) FROM disbursement.payment_intent WHERE payment_id = ?"
                                                + " AND state = 'RETURNED' AND failure_code = 'UNCLAIMED'",
                                        payment.toString())
                        == 1);
        await().atMost(ofSeconds(30))
                .until(() -> platform.stack().sms().messagesTo(ReturneeMother.phoneE164(returnee)).stream()
                        .anyMatch(sms -> sms.text().contains("tidak diambil di Kantor Pos")));
        assertThat(platform.stack()
                        .postOffice()
                        .claim(new PostOfficeSimulator.CounterClaim(first, (String) returnee.get("nik"), "KCP Selong"))
                        .status())
                .as("too late at the counter")
                .isEqualTo(409);

        // The person was away; finance reissues: a new claim, a new code, and this time it is collected.
        ServiceApi finance = platform.api(PlatformService.DISBURSEMENT, OfficerLogin.FINANCE_MAKER);
        ServiceApi.Response reissued =
                finance.post("/api/payments/" + payment + "/reissue", Map.of("reason", "berada di luar daerah"));
        assertThat(reissued.status()).as(reissued.text()).isEqualTo(200);
        String second = await().atMost(ofSeconds(60)).until(() -> codeSentTo(returnee, 2), c -> c != null);
        assertThat(second).isNotEqualTo(first);
        assertThat(platform.stack()
                        .postOffice()
                        .claim(new PostOfficeSimulator.CounterClaim(second, (String) returnee.get("nik"), "KCP Selong"))
                        .status())
                .isEqualTo(200);
        await().atMost(ofSeconds(30)).until(() -> "SETTLED/POS_CASH".equals(state(person)));
    }
}
