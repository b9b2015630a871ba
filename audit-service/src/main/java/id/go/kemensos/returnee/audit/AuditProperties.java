package id.go.kemensos.returnee.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;

@ConfigurationProperties("audit")
public record AuditProperties(String topicPattern, String replaySchemaPrefix, URI liveReportUrl, Duration sealInterval, String command) {
}
