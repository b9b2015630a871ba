package id.go.kemensos.returnee.infra.kafka;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;

/**
 * {@link KafkaAccess#acls()} as the shell script a production cluster is given them by (infra/production/kafka/acls.sh,
 * run by docker-compose's {@code acls} job with {@code kafka-acls.sh}): one call per principal and set of operations,
 * naming every resource they apply to. {@code AclScriptTest} fails when the file no longer says what KafkaAccess
 * grants.
 */
public final class AclScript {

    static final String PATH = "infra/production/kafka/acls.sh";

    private AclScript() {}

    public static String render() {
        Map<String, Map<Set<String>, List<String>>> byPrincipal = new LinkedHashMap<>();
        Map<String, Map<String, Set<String>>> operationsOf = new LinkedHashMap<>();
        for (AclBinding acl : KafkaAccess.acls()) {
            String principal = acl.entry().principal();
            operationsOf
                    .computeIfAbsent(principal, p -> new LinkedHashMap<>())
                    .computeIfAbsent(resourceOption(acl), r -> new TreeSet<>())
                    .add(operationName(acl.entry().operation()));
        }
        operationsOf.forEach((principal, resources) -> resources.forEach((resource, operations) -> byPrincipal
                .computeIfAbsent(principal, p -> new LinkedHashMap<>())
                .computeIfAbsent(operations, o -> new ArrayList<>())
                .add(resource)));
        StringBuilder script = new StringBuilder("""
                #!/usr/bin/env bash
                # Generated from infra's KafkaAccess.acls() (AclScriptTest compares them): every ACL of the platform, for
                # a cluster whose authorizer allows nothing else (broker.sh). Run as admin once the topics exist, and
                # again after an upgrade that changes KafkaAccess (adding an ACL that exists changes nothing).
                set -euo pipefail
                source "$(dirname "$0")/admin-login.sh"
                allow() {
                  "$KAFKA_HOME/bin/kafka-acls.sh" --bootstrap-server "$KAFKA_BOOTSTRAP" --command-config "$ADMIN_CONFIG" \\
                    --add "$@" > /dev/null
                }
                """);
        byPrincipal.forEach((principal, grants) -> {
            script.append('\n');
            grants.forEach((operations, resources) -> {
                script.append("allow --allow-principal ").append(principal);
                operations.forEach(operation -> script.append(" --operation ").append(operation));
                resources.forEach(resource -> script.append(" \\\n  ").append(resource));
                script.append('\n');
            });
        });
        script.append("\necho \"Kafka ACLs in place: ")
                .append(KafkaAccess.acls().size())
                .append(" for ")
                .append(String.join(", ", operationsOf.keySet()))
                .append("\"\n");
        return script.toString();
    }

    private static String resourceOption(AclBinding acl) {
        String name = acl.pattern().name();
        return switch (acl.pattern().resourceType()) {
            case TOPIC -> "--topic " + name;
            case GROUP -> "--group " + name;
            case TRANSACTIONAL_ID -> "--transactional-id " + name;
            case CLUSTER -> "--cluster";
            default -> throw new IllegalArgumentException("kafka-acls.sh option for " + acl.pattern());
        };
    }

    /** kafka-acls.sh's spelling: IDEMPOTENT_WRITE is IdempotentWrite. */
    static String operationName(AclOperation operation) {
        StringBuilder name = new StringBuilder();
        for (String word : operation.name().split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return name.toString();
    }
}
