package id.go.kemensos.returnee.contracts.disbursement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class PaymentAccountCheckedTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aPaymentCollectedInCashHasNoAccountToTellAndTheTextIsNeverPartOfTheEvent() {
        PaymentAccountChecked cash = new PaymentAccountChecked(
                UUID.randomUUID(), UUID.randomUUID(), "POS_CASH", null, null, 0, "no bank account", Instant.EPOCH);
        PaymentAccountChecked transfer = new PaymentAccountChecked(
                UUID.randomUUID(), UUID.randomUUID(), "VERIFIED", "002", "***7890", 1.0, null, Instant.EPOCH);

        assertThat(cash.accountText()).isEqualTo("no bank account (cash at a post office)");
        assertThat(transfer.accountText()).isEqualTo("002 ***7890");
        String written = JSON.writeValueAsString(transfer);
        assertThat(written).doesNotContain("accountText");
        assertThat(JSON.readValue(written, PaymentAccountChecked.class)).isEqualTo(transfer);
    }
}
