package id.go.kemensos.returnee.infra.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kemensos.returnee.contracts.EventCatalog;
import id.go.kemensos.returnee.contracts.Topics;
import id.go.kemensos.returnee.contracts.audit.AuditTopics;
import id.go.kemensos.returnee.contracts.casework.CaseTopics;
import id.go.kemensos.returnee.contracts.disbursement.DisbursementTopics;
import id.go.kemensos.returnee.contracts.eligibility.EligibilityTopics;
import id.go.kemensos.returnee.contracts.notification.NotificationTopics;
import id.go.kemensos.returnee.contracts.registration.RegistrationTopics;
import id.go.kemensos.returnee.infra.connect.ConnectorConfig;
import id.go.kemensos.returnee.infra.connect.KafkaConnectWorker;
import id.go.kemensos.returnee.infra.launcher.PlatformService;
import id.go.kemensos.returnee.infra.stack.PlatformHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

/**
 * The ACLs of {@link KafkaAccess} against what the services really do: the topics and groups of their
 * {@code @KafkaListener}s (read from their sources), dead letters to {@code <topic>.dlt}, and no service writing an
 * event topic.
 */
class KafkaAccessTest {

    private static final Map<String, String> TOPIC_CONSTANTS = Map.of(
            "RegistrationTopics.EVENTS",
            RegistrationTopics.EVENTS,
            "EligibilityTopics.EVENTS",
            EligibilityTopics.EVENTS,
            "EligibilityTopics.PROTECTION_EVENTS",
            EligibilityTopics.PROTECTION_EVENTS,
            "CaseTopics.EVENTS",
            CaseTopics.EVENTS,
            "DisbursementTopics.EVENTS",
            DisbursementTopics.EVENTS,
            "NotificationTopics.EVENTS",
            NotificationTopics.EVENTS,
            "AuditTopics.EVENTS",
            AuditTopics.EVENTS);
    private static final Pattern LISTENER = Pattern.compile("@KafkaListener\\(([^)]*)\\)");
    private static final Pattern TOPICS = Pattern.compile("topics = (\\{[^}]*}|[\\w.]+)");
    private static final Pattern GROUP = Pattern.compile("groupId = \"([^\"]+)\"");

    private static boolean allows(String principal, ResourceType type, String name, AclOperation operation) {
        return KafkaAccess.acls().stream()
                .anyMatch(b -> b.pattern().resourceType() == type
                        && b.pattern().name().equals(name)
                        && b.pattern().patternType() == PatternType.LITERAL
                        && b.entry().principal().equals("User:" + principal)
                        && b.entry().operation() == operation
                        && b.entry().permissionType() == AclPermissionType.ALLOW);
    }

    /**
     * Per consumer group (= principal), the topics its {@code @KafkaListener(topics = ...)} name in the services'
     * sources.
     */
    private static Map<String, Set<String>> listenedTopics() throws IOException {
        Map<String, Set<String>> byGroup = new TreeMap<>();
        Path root = PlatformHome.locate().root();
        for (String service : KafkaAccess.services()) {
            try (Stream<Path> files =
                    Files.walk(root.resolve(PlatformService.ofPrincipal(service).artifact() + "/src/main/java"))) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher listener = LISTENER.matcher(read(file));
                    while (listener.find()) {
                        Matcher topics = TOPICS.matcher(listener.group(1));
                        Matcher group = GROUP.matcher(listener.group(1));
                        if (!topics.find()) {
                            continue; // a topic pattern (the audit ledger): checked on its own
                        }
                        assertThat(group.find())
                                .as("listener in " + file + " names its group")
                                .isTrue();
                        assertThat(group.group(1)).as(file.toString()).isEqualTo(service);
                        Arrays.stream(topics.group(1).replaceAll("[{}\\s]", "").split(","))
                                .map(c -> {
                                    assertThat(TOPIC_CONSTANTS)
                                            .as("topic constant " + c + " in " + file)
                                            .containsKey(c);
                                    return TOPIC_CONSTANTS.get(c);
                                })
                                .forEach(t -> byGroup.computeIfAbsent(group.group(1), g -> new TreeSet<>())
                                        .add(t));
                    }
                }
            }
        }
        return byGroup;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyListenedTopicIsReadableByItsServiceWhichDeadLettersAndReplaysItsOwnFailures() throws IOException {
        Map<String, Set<String>> listened = listenedTopics();
        assertThat(listened).containsOnlyKeys("registration", "eligibility", "disbursement", "notification", "case");
        listened.forEach((service, topics) -> {
            assertThat(KafkaAccess.consumedBy(service)).as(service).containsExactlyInAnyOrderElementsOf(topics);
            assertThat(allows(service, ResourceType.GROUP, service, AclOperation.READ))
                    .as(service)
                    .isTrue();
            assertThat(allows(service, ResourceType.GROUP, service + ".dlt-replay", AclOperation.READ))
                    .as(service)
                    .isTrue();
            for (String topic : topics) {
                assertThat(allows(service, ResourceType.TOPIC, topic, AclOperation.READ))
                        .as(service + " reads " + topic)
                        .isTrue();
                assertThat(allows(service, ResourceType.TOPIC, topic, AclOperation.DESCRIBE))
                        .as(service + " " + topic)
                        .isTrue();
                String dlt = Topics.deadLetterOf(topic);
                assertThat(allows(service, ResourceType.TOPIC, dlt, AclOperation.WRITE))
                        .as(service + " writes " + dlt)
                        .isTrue();
                assertThat(allows(service, ResourceType.TOPIC, dlt, AclOperation.READ))
                        .as(service + " replays " + dlt)
                        .isTrue();
            }
        });
    }

    /** The developers' guide draws the flows between services; its table must be the flows the listeners make. */
    @Test
    void theDevelopersGuideShowsEveryFlowBetweenServicesAndNoOther() throws IOException {
        Pattern row = Pattern.compile("^\\| `([a-z.]+)` \\| ([a-z]+) \\|", Pattern.MULTILINE);
        Map<String, Set<String>> documented = new TreeMap<>();
        Matcher m = row.matcher(read(PlatformHome.locate().root().resolve("docs/developers.md")));
        while (m.find()) {
            documented.computeIfAbsent(m.group(2), service -> new TreeSet<>()).add(m.group(1));
        }
        assertThat(documented).as("docs/developers.md, 'Who reads which topic'").isEqualTo(listenedTopics());
    }

    /** Only DESCRIBE on the topics its outbox goes to: the newest record's time for its outbox lag, never a record. */
    @Test
    void aServiceReadsNoTopicItDoesNotConsumeAndWritesOnlyDeadLetters() {
        for (AclBinding acl : KafkaAccess.acls()) {
            String principal = acl.entry().principal().substring("User:".length());
            assertThat(acl.entry().permissionType()).isEqualTo(AclPermissionType.ALLOW);
            assertThat(acl.pattern().patternType()).as(acl.toString()).isEqualTo(PatternType.LITERAL);
            if (acl.pattern().resourceType() != ResourceType.TOPIC || principal.equals(KafkaAccess.RELAY)) {
                continue;
            }
            String topic = acl.pattern().name();
            String consumed = topic.endsWith(Topics.DEAD_LETTER_SUFFIX)
                    ? topic.substring(0, topic.length() - Topics.DEAD_LETTER_SUFFIX.length())
                    : topic;
            if (!KafkaAccess.consumedBy(principal).contains(consumed)) {
                assertThat(EventCatalog.topicsRaisedBy(principal + "-service"))
                        .as(acl.toString())
                        .contains(topic);
                assertThat(acl.entry().operation()).as(acl.toString()).isEqualTo(AclOperation.DESCRIBE);
                continue;
            }
            if (acl.entry().operation() == AclOperation.WRITE) {
                assertThat(topic).as(acl.toString()).endsWith(Topics.DEAD_LETTER_SUFFIX);
            }
        }
    }

    @Test
    void nobodyButTheRelayWritesAnEventTopicAndTheRelayWritesEach() {
        Set<String> writers = KafkaAccess.acls().stream()
                .filter(b -> b.pattern().resourceType() == ResourceType.TOPIC
                        && b.pattern().name().endsWith(".events"))
                .filter(b -> Set.of(AclOperation.WRITE, AclOperation.ALL, AclOperation.CREATE, AclOperation.ALTER)
                        .contains(b.entry().operation()))
                .map(b -> b.entry().principal())
                .collect(Collectors.toSet());
        assertThat(writers).containsExactly("User:" + KafkaAccess.RELAY);
        for (String events : Topics.allEventTopics()) {
            assertThat(allows(KafkaAccess.RELAY, ResourceType.TOPIC, events, AclOperation.WRITE))
                    .as(events)
                    .isTrue();
        }
        // Besides the event topics, the relay (a Kafka Connect worker) uses only its own group and topics.
        Set<String> connect = new HashSet<>(KafkaAccess.CONNECT_TOPICS);
        connect.add(KafkaAccess.CONNECT_GROUP);
        connect.add(KafkaAccess.CONNECT_CLUSTER_TRANSACTIONAL_ID);
        KafkaAccess.outboxConnectors().forEach(c -> {
            connect.add(KafkaAccess.SCHEMA_HISTORY_TOPIC_PREFIX + c);
            connect.add(c + "-schemahistory");
            connect.add(KafkaAccess.taskTransactionalId(c));
        });
        assertThat(KafkaAccess.acls())
                .filteredOn(b -> b.entry().principal().equals("User:" + KafkaAccess.RELAY))
                .allMatch(b -> b.pattern().resourceType() == ResourceType.CLUSTER
                        || Topics.allEventTopics().contains(b.pattern().name())
                        || connect.contains(b.pattern().name()));
    }

    @Test
    void theRelayWritesInTransactionsUnderTheIdsConnectGivesItsLeaderAndEachOutboxTask() {
        assertThat(KafkaAccess.taskTransactionalId(KafkaAccess.OUTBOX_CONNECTOR))
                .isEqualTo("returnee-outbox-connect-platform-outbox-0");
        List<AclBinding> transactional = KafkaAccess.acls().stream()
                .filter(b -> b.pattern().resourceType() == ResourceType.TRANSACTIONAL_ID)
                .toList();
        assertThat(transactional).allMatch(b -> b.entry().principal().equals("User:" + KafkaAccess.RELAY));
        Set<String> expected = new TreeSet<>(List.of("connect-cluster-returnee-outbox-connect"));
        KafkaAccess.outboxConnectors().forEach(c -> expected.add(KafkaAccess.taskTransactionalId(c)));
        assertThat(transactional.stream().map(b -> b.pattern().name()).collect(Collectors.toSet()))
                .isEqualTo(expected);
        for (String id : expected) {
            assertThat(allows(KafkaAccess.RELAY, ResourceType.TRANSACTIONAL_ID, id, AclOperation.WRITE))
                    .as(id)
                    .isTrue();
        }
    }

    @Test
    void theConnectWorkersGroupTopicsAndConnectorsAreTheOnesInfraConnectNames() throws Exception {
        Properties worker = KafkaConnectWorker.productionWorkerProperties(
                PlatformHome.locate().connectorConfigs());
        assertThat(worker.getProperty("group.id")).isEqualTo(KafkaAccess.CONNECT_GROUP);
        assertThat(List.of(
                        worker.getProperty("config.storage.topic"),
                        worker.getProperty("offset.storage.topic"),
                        worker.getProperty("status.storage.topic")))
                .containsExactlyElementsOf(KafkaAccess.CONNECT_TOPICS);
        List<ConnectorConfig> connectors =
                ConnectorConfig.readAll(PlatformHome.locate().connectorConfigs());
        assertThat(connectors)
                .extracting(ConnectorConfig::name)
                .containsExactlyInAnyOrderElementsOf(KafkaAccess.outboxConnectors());
        assertThat(connectors)
                .allSatisfy(c -> assertThat(c.get("schema.history.internal.kafka.topic"))
                        .isEqualTo(KafkaAccess.SCHEMA_HISTORY_TOPIC_PREFIX + c.name()));
    }

    @Test
    void onlyTheAuditServiceReadsEveryEventTopicAndTheirConfiguration() {
        for (String events : Topics.allEventTopics()) {
            assertThat(allows("audit", ResourceType.TOPIC, events, AclOperation.READ))
                    .as(events)
                    .isTrue();
            assertThat(allows("audit", ResourceType.TOPIC, events, AclOperation.DESCRIBE_CONFIGS))
                    .as(events)
                    .isTrue();
        }
        assertThat(allows("audit", ResourceType.GROUP, "audit", AclOperation.READ))
                .isTrue();
        for (String service : List.of("registration", "eligibility", "disbursement", "notification", "case")) {
            assertThat(KafkaAccess.consumedBy(service))
                    .as(service)
                    .isNotEqualTo(Topics.allEventTopics())
                    .doesNotContain(AuditTopics.EVENTS);
        }
    }

    @Test
    void everyPrincipalGetsACredentialWhenTheStorageIsFormatted() {
        assertThat(KafkaAccess.principals())
                .containsExactly(
                        "admin",
                        "relay",
                        "registration",
                        "eligibility",
                        "disbursement",
                        "notification",
                        "audit",
                        "case");
        assertThat(KafkaAccess.formatScramArguments())
                .contains(
                        "SCRAM-SHA-512=[name=admin,password=admin-kafka-local]",
                        "SCRAM-SHA-512=[name=audit,password=audit-kafka-local]");
        assertThat(KafkaAccess.acls()).noneMatch(b -> b.entry().principal().equals("User:admin"));
    }
}
