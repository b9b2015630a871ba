package id.go.kemensos.returnee.infra.connect;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How Debezium's Connect image (quay.io/debezium/connect, what docker-compose runs) takes worker settings as
 * environment variables: its own names for some, {@code CONNECT_X_Y} for any other setting {@code x.y}. Used where the
 * worker's settings become a container's variables and where compose's are read back.
 */
public final class ConnectImageVariables {

    /** The image's own names, by setting. */
    private static final Map<String, String> OWN_NAMES = Map.ofEntries(
            Map.entry("bootstrap.servers", "BOOTSTRAP_SERVERS"),
            Map.entry("group.id", "GROUP_ID"),
            Map.entry("config.storage.topic", "CONFIG_STORAGE_TOPIC"),
            Map.entry("offset.storage.topic", "OFFSET_STORAGE_TOPIC"),
            Map.entry("status.storage.topic", "STATUS_STORAGE_TOPIC"),
            Map.entry("config.storage.replication.factor", "CONFIG_STORAGE_REPLICATION_FACTOR"),
            Map.entry("offset.storage.replication.factor", "OFFSET_STORAGE_REPLICATION_FACTOR"),
            Map.entry("status.storage.replication.factor", "STATUS_STORAGE_REPLICATION_FACTOR"),
            Map.entry("key.converter", "KEY_CONVERTER"),
            Map.entry("value.converter", "VALUE_CONVERTER"),
            Map.entry("offset.flush.interval.ms", "OFFSET_FLUSH_INTERVAL_MS"));

    private static final Map<String, String> SETTINGS_BY_OWN_NAME =
            OWN_NAMES.entrySet().stream().collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));

    private static final String PREFIX = "CONNECT_";

    private ConnectImageVariables() {}

    public static String variable(String setting) {
        String own = OWN_NAMES.get(setting);
        return own != null ? own : PREFIX + setting.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    public static String setting(String variable) {
        String own = SETTINGS_BY_OWN_NAME.get(variable);
        if (own != null) {
            return own;
        }
        if (!variable.startsWith(PREFIX)) {
            throw new IllegalArgumentException(variable + " is no setting of the Connect image");
        }
        return variable.substring(PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** The environment of docker-compose's {@code connect} service, by variable. */
    public static Map<String, String> ofComposeService(String compose) {
        Matcher service = Pattern.compile("(?s)\n  connect:\n.*?\n    environment:\n(.*?)\n    volumes:")
                .matcher(compose);
        if (!service.find()) {
            throw new IllegalArgumentException("docker-compose has no connect service with an environment");
        }
        Map<String, String> variables = new TreeMap<>();
        Matcher line = Pattern.compile("(?m)^      ([A-Z_]+): (.+)$").matcher(service.group(1));
        while (line.find()) {
            variables.put(line.group(1), line.group(2).strip());
        }
        return variables;
    }
}
