package id.go.kemensos.returnee.audit;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("audit")
public record AuditProperties(
        String topicPattern,
        String replaySchemaPrefix,
        Integer replayWriters,
        URI liveReportUrl,
        Duration sealInterval,
        String command) {

    public AuditProperties {
        if (replayWriters == null) {
            replayWriters = 2;
        } else if (replayWriters < 1) {
            throw new IllegalArgumentException("audit.replay-writers must be at least 1, was " + replayWriters);
        }
    }
}
