package id.go.kemensos.returnee.disbursement;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;

@ConfigurationProperties("disbursement")
public record DisbursementProperties(URI bankGatewayUrl, String sourceAccount, AutoApproval autoApproval, Dispatch dispatch) {

    /** Off by default: payments wait for an officer's approval. */
    public record AutoApproval(boolean enabled, long maxAmount) {
    }

    public record Dispatch(Duration interval, int batchSize, int parallelCalls, Duration statusCheckDelay) {
    }
}
