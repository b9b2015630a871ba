package id.go.kemensos.returnee.console;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;

/**
 * A scheduled payment whose account the bank did not confirm as the registered person's ({@code /api/account-reviews}):
 * the two names a finance officer compares, and the account masked.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AccountReview(
        @JsonProperty("payment_id") UUID paymentId,
        @JsonProperty("program_id") String programId,
        @JsonProperty("cycle_id") String cycleId,
        long amount,
        @JsonProperty("regency_code") String regencyCode,
        @JsonProperty("bank_code") String bankCode,
        @JsonProperty("account_number_masked") String accountNumberMasked,
        @JsonProperty("registered_name") String registeredName,
        @JsonProperty("account_holder_seen") String accountHolderSeen,
        @JsonProperty("account_check_detail") String detail) {}
