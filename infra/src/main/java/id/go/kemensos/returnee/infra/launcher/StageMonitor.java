package id.go.kemensos.returnee.infra.launcher;

import id.go.kemensos.returnee.contracts.Topics;
import id.go.kemensos.returnee.contracts.access.AccessTopics;
import id.go.kemensos.returnee.contracts.casework.CaseTopics;
import id.go.kemensos.returnee.contracts.eligibility.EligibilityTopics;
import id.go.kemensos.returnee.infra.kafka.KafkaAccess;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prints each stage of the flow as its event appears on Kafka (registered, decided, payment states, SMS sent), reading
 * the topics as an auditor would: CloudEvents, from the end of each topic at start-up. Shows masked values only.
 */
final class StageMonitor implements Runnable, AutoCloseable {

    private final KafkaConsumer<String, CloudEvent> consumer;
    private final PrintStream out;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Set<String> paidBeneficiaries = ConcurrentHashMap.newKeySet();
    private final Set<String> notifiedOfPayment = ConcurrentHashMap.newKeySet();
    /** Paid people whose payment SMS was withheld (no phone): an officer tells them. */
    private final Set<String> toldInPerson = ConcurrentHashMap.newKeySet();

    private volatile boolean running = true;

    StageMonitor(String bootstrapServers, PrintStream out) {
        this.out = out;
        this.consumer = new KafkaConsumer<>(
                KafkaAccess.asAdmin(
                        bootstrapServers,
                        Map.of(
                                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                                false,
                                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                                "read_committed")),
                new StringDeserializer(),
                new CloudEventDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : Topics.allEventTopics()) {
            if (topic.equals(EligibilityTopics.PROTECTION_EVENTS)
                    || topic.equals(CaseTopics.PROTECTION_EVENTS)
                    || topic.equals(AccessTopics.EVENTS)) {
                // Law 21/2007 Art. 44: the console never ties a person to a protection decision; reads are not stages.
                continue;
            }
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // fix the start before anything new is produced
    }

    @Override
    public void run() {
        try {
            while (running) {
                for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(200))) {
                    print(record.value());
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    private void print(CloudEvent event) {
        String type = event.getType().replaceFirst("^id\\.go\\.kemensos\\.", "").replaceFirst("\\.v\\d+$", "");
        JsonNode data =
                event.getData() == null ? null : json.readTree(event.getData().toBytes());
        // Ids are UUIDv7: the leading digits are a timestamp, shared by everyone registered in the same instant; the
        // tail is random.
        String subject = event.getSubject();
        String who = subject == null ? "?" : subject.substring(Math.max(0, subject.length() - 8));
        String detail = switch (type) {
            // Names travel sealed with the person's key: the monitor shows the region and the pseudonymous id only.
            case "registration.ReturneeRegistered" -> "REGISTERED  region " + text(data, "regencyCode");
            case "eligibility.EligibilityDecided" ->
                "DECIDED     " + text(data, "outcome") + " " + text(data, "programId") + " Rp"
                        + text(data, "grantAmount") + " (rule set " + text(data, "ruleSetId") + " v"
                        + text(data, "ruleSetVersion") + ")";
            case "eligibility.ReferralRequested" ->
                "REFERRED    to " + text(data, "partnerType") + " for " + text(data, "service");
            case "disbursement.PaymentScheduled" -> "PAYMENT     scheduled Rp" + text(data, "amount");
            case "disbursement.PaymentApproved" -> "PAYMENT     approved by " + text(data, "approvedBy");
            case "disbursement.PaymentSent" ->
                "POS_CASH".equals(text(data, "channel"))
                        ? "PAYMENT     sent to PT Pos, to be collected in cash"
                        : "PAYMENT     sent to bank " + text(data, "bankCode") + " "
                                + text(data, "accountNumberMasked");
            case "disbursement.CollectiveAccountOpened" ->
                "ACCOUNT     opened for a person without one at bank " + text(data, "bankCode") + " "
                        + text(data, "accountNumberMasked") + " (rekening kolektif)";
            case "disbursement.CashClaimIssued" ->
                "PAYMENT     waits at the post office until " + text(data, "claimDeadline");
            case "disbursement.CashClaimExpired" ->
                "PAYMENT     RETURNED: nobody collected the cash by " + text(data, "claimDeadline");
            case "disbursement.PaymentSettled" -> {
                paidBeneficiaries.add(event.getSubject());
                yield "POS_CASH".equals(text(data, "channel"))
                        ? "PAID        Rp" + text(data, "amount") + " in cash at a post office, PT Pos reference "
                                + text(data, "bankReference")
                        : "PAID        Rp" + text(data, "amount") + ", bank reference " + text(data, "bankReference");
            }
            case "disbursement.PaymentFailed" -> "PAYMENT     FAILED: " + text(data, "reason");
            case "disbursement.PaymentCancelled" -> "PAYMENT     CANCELLED: " + text(data, "reason");
            case "notification.SmsSent" -> {
                if ("PAYMENT_SENT".equals(text(data, "template")) || "CASH_COLLECTED".equals(text(data, "template"))) {
                    notifiedOfPayment.add(event.getSubject());
                }
                yield "SMS SENT    " + text(data, "template") + " to " + text(data, "phoneMasked");
            }
            case "notification.SmsFailed" -> "SMS FAILED  " + text(data, "template") + ": " + text(data, "reason");
            case "notification.SmsWithheld" -> {
                // No phone (or no SMS wanted): an officer tells the person instead, as the returnee list says.
                if ("PAYMENT_SENT".equals(text(data, "template")) || "CASH_COLLECTED".equals(text(data, "template"))) {
                    notifiedOfPayment.add(event.getSubject());
                    toldInPerson.add(event.getSubject());
                }
                yield "SMS WITHHELD " + text(data, "template") + ": " + text(data, "reason");
            }
            // The monitor shows that a case opened and its steps, never which services (a victim's are not even read).
            case "case.CaseOpened" -> "CASE        opened, case worker " + text(data, "caseWorker");
            case "case.ServicesOffered",
                    "case.OfferAnswered",
                    "case.ServiceReferred",
                    "case.ReferralOutcomeRecorded",
                    "case.FollowUpRecorded" ->
                "CASE        "
                        + type.substring("case.".length())
                                .replaceAll("([a-z])([A-Z])", "$1 $2")
                                .toLowerCase();
            case "audit.AuditLedgerSealed" ->
                "AUDIT       ledger sealed at row " + text(data, "seq") + ", hash "
                        + text(data, "hash").substring(0, 12) + "…";
            default -> type;
        };
        out.printf(
                "  %s  …%s  %s%n",
                event.getTime() == null ? "" : event.getTime().toLocalTime().withNano(0), who, detail);
    }

    private static String text(JsonNode data, String field) {
        JsonNode node = data == null ? null : data.get(field);
        return node == null || node.isNull() ? "" : node.asString();
    }

    /** Of those paid and told, how many are to be told in person, having no phone. */
    int toldInPerson() {
        return paidAmong(toldInPerson);
    }

    int paidAndNotified() {
        return paidAmong(notifiedOfPayment);
    }

    private int paidAmong(Set<String> people) {
        Set<String> both = new java.util.HashSet<>(paidBeneficiaries);
        both.retainAll(people);
        return both.size();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
    }
}
