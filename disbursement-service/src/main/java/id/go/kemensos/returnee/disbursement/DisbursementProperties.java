package id.go.kemensos.returnee.disbursement;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("disbursement")
public record DisbursementProperties(
        URI bankGatewayUrl,
        String sourceAccount,
        AutoApproval autoApproval,
        Dispatch dispatch,
        AccountInquiry accountInquiry,
        PostOffice postOffice,
        CollectiveAccounts collectiveAccounts) {

    /**
     * Accounts a bank opens in bulk (rekening kolektif) for payees without one, where their program says so.
     *
     * @param statusInterval how often an opening request is asked about (a bank takes days in production)
     * @param requestSize at most this many people in one opening request
     */
    public record CollectiveAccounts(Duration statusInterval, int requestSize) {}

    /**
     * PT Pos, which pays people without a bank account in cash at its offices.
     *
     * @param clientSecretFile the SNAP client secret PT Pos issued the platform; blank: the bank's (the local stack)
     * @param statusCheckInterval how often a remittance waiting for its person is asked about
     */
    public record PostOffice(URI gatewayUrl, String clientSecretFile, Duration statusCheckInterval) {}

    /** The bank's account inquiry before approval; off only where a bank offers no inquiry. */
    public record AccountInquiry(boolean enabled) {}

    /**
     * Off by default: payments wait for an officer's approval. When on, it applies to the listed programs (none listed:
     * all) and to amounts up to maxAmount.
     */
    public record AutoApproval(boolean enabled, long maxAmount, List<String> programs) {

        public AutoApproval {
            programs = programs == null
                    ? List.of()
                    : programs.stream()
                            .map(String::strip)
                            .filter(p -> !p.isEmpty())
                            .toList();
        }

        public boolean covers(String programId, long amount) {
            return enabled && amount <= maxAmount && (programs.isEmpty() || programs.contains(programId));
        }
    }

    public record Dispatch(Duration interval, int batchSize, int parallelCalls, Duration statusCheckDelay) {}
}
