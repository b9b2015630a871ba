package id.go.kemensos.returnee.infra.kafka;

import id.go.kemensos.returnee.contracts.EventCatalog;
import id.go.kemensos.returnee.contracts.Topics;
import id.go.kemensos.returnee.contracts.casework.CaseTopics;
import id.go.kemensos.returnee.contracts.disbursement.DisbursementTopics;
import id.go.kemensos.returnee.contracts.eligibility.EligibilityTopics;
import id.go.kemensos.returnee.contracts.registration.RegistrationTopics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may do what on Kafka, in one place: the principals (SASL/SCRAM-SHA-512 users) and their ACLs, derived from the
 * topic constants of platform-contracts. The broker denies whatever no ACL allows
 * ({@code allow.everyone.if.no.acl.found=false}).
 * <ul>
 * <li>{@code admin}: the local stack itself (broker to itself, topic provisioning, ACL setup, the launcher's monitor,
 * tests, benchmarks): a super user, no ACLs.</li>
 * <li>{@code relay}: the Debezium outbox relay (a Kafka Connect worker), the only writer of the {@code *.events}
 * topics, in transactions.</li>
 * <li>one principal per service, named as the service (and its schema, but for case-service's casework): reads the topics it consumes under its own consumer groups,
 * writes (and reads back, to replay) the dead-letter topics of those topics, never writes an {@code *.events} topic;
 * the service's own events reach Kafka through its outbox and the relay, and it may describe the topics they go to
 * (the time of the newest record, for its outbox lag metric).</li>
 * <li>{@code audit}: reads every {@code *.events} topic (the ledger, the seals on {@code audit.events}, replays) and
 * their configuration (retention check); it dead-letters nothing.</li>
 * </ul> Passwords are {@code <principal>-kafka-local} in the local stack only; production services read theirs from
 * KAFKA_USER/KAFKA_PASSWORD (platform-defaults.yml) and the cluster is given the same ACLs
 * (infra/production/README.md).
 */
public final class KafkaAccess {

    public static final String MECHANISM = "SCRAM-SHA-512";
    public static final String SECURITY_PROTOCOL = "SASL_PLAINTEXT";
    public static final String ADMIN = "admin";
    public static final String RELAY = "relay";
    /** Suffix DeadLetterReplay adds to a listener's group for its progress through a dead-letter topic. */
    public static final String DEAD_LETTER_REPLAY_GROUP_SUFFIX = ".dlt-replay";

    private static final Logger log = LoggerFactory.getLogger(KafkaAccess.class);
    private static final int SCRAM_ITERATIONS = 8192;

    /**
     * The topics each service consumes with its listeners ({@code @KafkaListener}), by principal (= schema = consumer
     * group).
     */
    private static final Map<String, List<String>> CONSUMED = consumed();

    private static Map<String, List<String>> consumed() {
        Map<String, List<String>> consumed = new LinkedHashMap<>();
        consumed.put("registration", List.of(EligibilityTopics.EVENTS, DisbursementTopics.EVENTS, CaseTopics.EVENTS));
        consumed.put("eligibility", List.of(RegistrationTopics.EVENTS, DisbursementTopics.EVENTS, CaseTopics.EVENTS));
        consumed.put("disbursement", List.of(RegistrationTopics.EVENTS, EligibilityTopics.EVENTS, CaseTopics.EVENTS));
        consumed.put(
                "notification",
                List.of(
                        RegistrationTopics.EVENTS,
                        EligibilityTopics.EVENTS,
                        DisbursementTopics.EVENTS,
                        CaseTopics.EVENTS));
        // The ledger reads every event topic but its own (topic pattern), its seals are read back from audit.events,
        // and a
        // replay reads disbursement.events: every event topic, which is how it is granted.
        consumed.put("audit", Topics.allEventTopics());
        // Cases follow every decision, the restricted ones too (a victim's services are offered like any other), and
        // erasures. The steps of a victim's services go to case.protection.events, which only audit reads.
        consumed.put(
                "case",
                List.of(
                        EligibilityTopics.EVENTS,
                        EligibilityTopics.PROTECTION_EVENTS,
                        RegistrationTopics.EVENTS,
                        DisbursementTopics.EVENTS));
        return Map.copyOf(consumed);
    }

    private KafkaAccess() {}

    /** Every principal of the platform: admin, relay and the services, in that order. */
    public static List<String> principals() {
        List<String> principals = new ArrayList<>(List.of(ADMIN, RELAY));
        principals.addAll(services());
        return principals;
    }

    /** The Kafka Connect worker's group and its own topics, as infra/connect/worker.properties names them. */
    public static final String CONNECT_GROUP = "returnee-outbox-connect";

    public static final List<String> CONNECT_TOPICS = List.of("connect.configs", "connect.offsets", "connect.status");
    /** Each outbox connector's schema history topic is this prefix and the connector's name (infra/connect). */
    public static final String SCHEMA_HISTORY_TOPIC_PREFIX = "connect.schema-history.";

    /**
     * The transactional id of the worker's own producer with exactly-once source delivery (KIP-618): the leader
     * writes the configuration topic in transactions under it.
     */
    public static final String CONNECT_CLUSTER_TRANSACTIONAL_ID = "connect-cluster-" + CONNECT_GROUP;

    /**
     * The transactional id Connect gives a source task's producer with exactly-once delivery: the worker's group, the
     * connector and the task number. An outbox connector runs one task (tasks.max 1, a binlog reader).
     */
    public static String taskTransactionalId(String connector) {
        return CONNECT_GROUP + "-" + connector + "-0";
    }

    /**
     * The relay's one outbox connector (infra/connect/platform-outbox.json): it captures every service's outbox table
     * from the one database server, so the binlog is read and decoded once, not once per service.
     */
    public static final String OUTBOX_CONNECTOR = "platform-outbox";

    /** The outbox connectors of the relay, as infra/connect names them: one per database server, so one. */
    public static List<String> outboxConnectors() {
        return List.of(OUTBOX_CONNECTOR);
    }

    /** The services' principals (each named as its schema and consumer group). */
    public static List<String> services() {
        return List.of("registration", "eligibility", "disbursement", "notification", "audit", "case");
    }

    /** The topics this service consumes (empty for admin and relay). */
    public static List<String> consumedBy(String principal) {
        return CONSUMED.getOrDefault(principal, List.of());
    }

    /** The local stack's password of a principal; production passwords come from the environment. */
    public static String localPassword(String principal) {
        return principal + "-kafka-local";
    }

    /** The JAAS line a client logs in with. */
    public static String jaasConfig(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\""
                + password + "\";";
    }

    /** Security settings of a client of the local broker that logs in as this principal. */
    public static Map<String, Object> clientSecurity(String principal) {
        return clientSecurity(principal, localPassword(principal));
    }

    public static Map<String, Object> clientSecurity(String principal, String password) {
        return Map.of(
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG,
                SECURITY_PROTOCOL,
                SaslConfigs.SASL_MECHANISM,
                MECHANISM,
                SaslConfigs.SASL_JAAS_CONFIG,
                jaasConfig(principal, password));
    }

    /** Bootstrap servers and the admin's login, for the local stack's own clients: add the rest to a copy. */
    public static Map<String, Object> asAdmin(String bootstrapServers) {
        return as(ADMIN, bootstrapServers);
    }

    public static Map<String, Object> as(String principal, String bootstrapServers) {
        Map<String, Object> config = new HashMap<>(clientSecurity(principal));
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return config;
    }

    /** {@link #asAdmin} plus these settings. */
    public static Map<String, Object> asAdmin(String bootstrapServers, Map<String, Object> settings) {
        Map<String, Object> config = asAdmin(bootstrapServers);
        config.putAll(settings);
        return config;
    }

    /**
     * The storage tool's arguments that seed every principal's SCRAM credential when the broker's storage is formatted.
     */
    public static List<String> formatScramArguments() {
        List<String> arguments = new ArrayList<>();
        for (String principal : principals()) {
            arguments.add("--add-scram");
            arguments.add(MECHANISM + "=[name=" + principal + ",password=" + localPassword(principal) + "]");
        }
        return arguments;
    }

    /** Every ACL of the platform (admin, a super user, has none). */
    public static List<AclBinding> acls() {
        List<AclBinding> acls = new ArrayList<>();
        for (String events : Topics.allEventTopics()) {
            allow(acls, RELAY, topic(events), AclOperation.WRITE, AclOperation.DESCRIBE);
        }
        // Its producer is idempotent; WRITE on a topic would do since KIP-679, this keeps it explicit.
        allow(
                acls,
                RELAY,
                new ResourcePattern(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL),
                AclOperation.IDEMPOTENT_WRITE);
        // The relay is a Kafka Connect worker: its group, the topics it keeps its configuration, offsets and status in,
        // and per outbox connector the schema history topic and the group that reads it back. It creates these topics
        // itself (compacted, or kept forever), as production's worker does.
        allow(acls, RELAY, group(CONNECT_GROUP), AclOperation.READ);
        for (String internal : CONNECT_TOPICS) {
            allow(
                    acls,
                    RELAY,
                    topic(internal),
                    AclOperation.CREATE,
                    AclOperation.READ,
                    AclOperation.WRITE,
                    AclOperation.DESCRIBE,
                    AclOperation.DESCRIBE_CONFIGS);
        }
        // Exactly-once source delivery: the worker's and each task's transactional producer (WRITE), and the leader
        // fencing a dead worker's task producers before their successors start (WRITE on their ids, too).
        allow(
                acls,
                RELAY,
                transactionalId(CONNECT_CLUSTER_TRANSACTIONAL_ID),
                AclOperation.WRITE,
                AclOperation.DESCRIBE);
        for (String connector : outboxConnectors()) {
            acls.addAll(connectorAcls(connector));
        }
        for (String service : services()) {
            allow(acls, service, group(service), AclOperation.READ);
            // Its outbox lag (platform-messaging's OutboxLag) asks for the time of the newest record the relay wrote to
            // its topics: DESCRIBE, not READ (audit reads them all anyway).
            for (String raised : EventCatalog.topicsRaisedBy(service + "-service")) {
                if (!consumedBy(service).contains(raised)) {
                    allow(acls, service, topic(raised), AclOperation.DESCRIBE);
                }
            }
            if (service.equals("audit")) {
                // Ledger, seals and replays read every event topic; EventLogRetention reads their configuration.
                // Its ledger listener dead-letters nothing (a failed batch stops it), so no dead-letter topic.
                for (String events : consumedBy(service)) {
                    allow(
                            acls,
                            service,
                            topic(events),
                            AclOperation.READ,
                            AclOperation.DESCRIBE,
                            AclOperation.DESCRIBE_CONFIGS);
                }
                continue;
            }
            allow(acls, service, group(service + DEAD_LETTER_REPLAY_GROUP_SUFFIX), AclOperation.READ);
            for (String consumed : consumedBy(service)) {
                allow(acls, service, topic(consumed), AclOperation.READ, AclOperation.DESCRIBE);
                // Its error handler dead-letters there; its dead-letter replay reads them back.
                allow(
                        acls,
                        service,
                        topic(Topics.deadLetterOf(consumed)),
                        AclOperation.WRITE,
                        AclOperation.READ,
                        AclOperation.DESCRIBE);
            }
        }
        return acls;
    }

    /**
     * What the relay needs for one outbox connector of its worker: the task's transactional producer (exactly-once
     * delivery), the connector's schema history topic, which it creates, and the group that reads it back.
     */
    public static List<AclBinding> connectorAcls(String connector) {
        List<AclBinding> acls = new ArrayList<>();
        allow(acls, RELAY, transactionalId(taskTransactionalId(connector)), AclOperation.WRITE, AclOperation.DESCRIBE);
        allow(
                acls,
                RELAY,
                topic(SCHEMA_HISTORY_TOPIC_PREFIX + connector),
                AclOperation.CREATE,
                AclOperation.READ,
                AclOperation.WRITE,
                AclOperation.DESCRIBE);
        allow(acls, RELAY, group(connector + "-schemahistory"), AclOperation.READ);
        return acls;
    }

    private static ResourcePattern topic(String name) {
        return new ResourcePattern(ResourceType.TOPIC, name, PatternType.LITERAL);
    }

    private static ResourcePattern transactionalId(String id) {
        return new ResourcePattern(ResourceType.TRANSACTIONAL_ID, id, PatternType.LITERAL);
    }

    private static ResourcePattern group(String name) {
        return new ResourcePattern(ResourceType.GROUP, name, PatternType.LITERAL);
    }

    private static void allow(
            List<AclBinding> acls, String principal, ResourcePattern resource, AclOperation... operations) {
        for (AclOperation operation : operations) {
            acls.add(new AclBinding(
                    resource, new AccessControlEntry("User:" + principal, "*", operation, AclPermissionType.ALLOW)));
        }
    }

    /**
     * Creates or updates every principal's SCRAM credential (idempotent), so that a principal added later can log in
     * too.
     */
    public static void upsertCredentials(String bootstrapServers) {
        run(
                bootstrapServers,
                "Cannot set the Kafka principals' SCRAM credentials",
                admin -> admin.alterUserScramCredentials(principals().stream()
                                .map(p -> (org.apache.kafka.clients.admin.UserScramCredentialAlteration)
                                        new UserScramCredentialUpsertion(
                                                p,
                                                new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS),
                                                localPassword(p)))
                                .toList())
                        .all()
                        .get(30, TimeUnit.SECONDS));
        log.info("Kafka SCRAM credentials set for {}", principals());
    }

    /** Creates every ACL of {@link #acls()} (creating an existing one changes nothing). */
    public static void applyAcls(String bootstrapServers) {
        List<AclBinding> acls = acls();
        run(
                bootstrapServers,
                "Cannot create the Kafka ACLs",
                admin -> admin.createAcls(acls).all().get(30, TimeUnit.SECONDS));
        log.info("Kafka ACLs in place: {} for {}", acls.size(), services());
    }

    private interface AdminCall {
        void call(Admin admin) throws InterruptedException, ExecutionException, TimeoutException;
    }

    private static void run(String bootstrapServers, String what, AdminCall call) {
        try (Admin admin = Admin.create(
                asAdmin(bootstrapServers, Map.of(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000)))) {
            call.call(admin);
        } catch (ExecutionException e) {
            throw new IllegalStateException(what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(what + ": timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + ": interrupted", e);
        }
    }
}
