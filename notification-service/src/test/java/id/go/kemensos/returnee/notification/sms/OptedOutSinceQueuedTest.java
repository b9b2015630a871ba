package id.go.kemensos.returnee.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A message is queued whatever the person's opt-out and judged when it comes due: withheld if they are opted out now,
 * or if their opt-out changed after it was queued (it was queued while they were opted out: an opt-out after it would
 * have withheld it already), so opting back in sends nothing queued before.
 */
class OptedOutSinceQueuedTest {

    private static final LocalDateTime QUEUED = LocalDateTime.of(2026, 12, 7, 10, 0, 0, 250_000_000);

    @Test
    void optedOutNowIsWithheld() {
        assertThat(SmsMessages.optedOutSinceQueued(row(true, null))).isTrue();
        assertThat(SmsMessages.optedOutSinceQueued(row(true, QUEUED.minusDays(3))))
                .isTrue();
    }

    @Test
    void queuedWhileOptedOutAndOptedBackInBeforeItCameDueIsWithheld() {
        assertThat(SmsMessages.optedOutSinceQueued(row(false, QUEUED.plusNanos(1_000))))
                .isTrue();
    }

    @Test
    void queuedAfterTheLastChangeOrWithNoneGoes() {
        assertThat(SmsMessages.optedOutSinceQueued(row(false, null))).isFalse();
        assertThat(SmsMessages.optedOutSinceQueued(row(false, QUEUED.minusSeconds(1))))
                .isFalse();
        assertThat(SmsMessages.optedOutSinceQueued(row(false, QUEUED))).isFalse();
    }

    private static Map<String, Object> row(boolean optedOut, LocalDateTime changedAt) {
        Map<String, Object> row = new HashMap<>();
        row.put("opted_out", optedOut);
        row.put("opted_out_changed_at", changedAt);
        row.put("created_at", QUEUED);
        return row;
    }
}
