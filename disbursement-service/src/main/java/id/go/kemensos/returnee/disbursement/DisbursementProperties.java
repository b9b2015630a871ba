package id.go.kemensos.returnee.disbursement;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;

@ConfigurationProperties("disbursement")
public record DisbursementProperties(URI bankGatewayUrl, String sourceAccount, AutoApproval autoApproval, Dispatch dispatch,
                                     AccountInquiry accountInquiry) {

    /** The bank's account inquiry before approval; off only where a bank offers no inquiry. */
    public record AccountInquiry(boolean enabled, double nameSimilarity) {
    }

    /** Off by default: payments wait for an officer's approval. */
    public record AutoApproval(boolean enabled, long maxAmount) {
    }

    public record Dispatch(Duration interval, int batchSize, int parallelCalls, Duration statusCheckDelay) {
    }
}
