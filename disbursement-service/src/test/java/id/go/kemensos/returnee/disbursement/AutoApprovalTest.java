package id.go.kemensos.returnee.disbursement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AutoApprovalTest {

    @Test
    void isOffUnlessEnabled() {
        assertThat(new DisbursementProperties.AutoApproval(false, 1_000_000, List.of()).covers("BSU", 960_000))
                .isFalse();
    }

    @Test
    void coversEveryProgramWhenNoneIsListedAndOnlyAmountsUpToTheLimit() {
        DisbursementProperties.AutoApproval auto = new DisbursementProperties.AutoApproval(true, 1_000_000, List.of());
        assertThat(auto.covers("BSU", 960_000)).isTrue();
        assertThat(auto.covers("UEP", 5_050_000)).isFalse();
    }

    @Test
    void coversOnlyTheListedPrograms() {
        DisbursementProperties.AutoApproval auto =
                new DisbursementProperties.AutoApproval(true, 10_000_000, List.of(" BSU", ""));
        assertThat(auto.covers("BSU", 960_000)).isTrue();
        assertThat(auto.covers("UEP", 960_000)).isFalse();
    }
}
