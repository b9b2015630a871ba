package id.go.kemensos.returnee.audit;

import id.go.kemensos.returnee.audit.command.AuditCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The audit service, or one of its commands: {@code java -jar audit-service-exec.jar verify} checks the ledger's chain,
 * {@code ... replay [--as-of=2026-11-01T00:00:00Z] [--compare-live=true]} rebuilds the disbursement history from Kafka.
 * A command runs without the web server and without consuming, and exits 0 when all is in order, 1 when it found
 * something.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AuditApplication {

    public static void main(String[] args) {
        if (args.length > 0 && AuditCommand.NAMES.contains(args[0])) {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(AuditApplication.class)
                    .web(WebApplicationType.NONE)
                    .properties(
                            "spring.kafka.listener.auto-startup=false",
                            "spring.flyway.enabled=false",
                            "audit.command=" + args[0],
                            "spring.main.banner-mode=off")
                    .run(args);
            System.exit(SpringApplication.exit(context));
        }
        SpringApplication.run(AuditApplication.class, args);
    }
}
