package id.go.kemensos.returnee.messaging;

import java.sql.Timestamp;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes outbox and inbox rows past their retention. The outbox row has done its job once Debezium has read it from
 * the binlog; Kafka keeps the event forever. Deletes go in small chunks so that they never hold long locks.
 */
public class OutboxPurge {

    private static final Logger log = LoggerFactory.getLogger(OutboxPurge.class);
    private static final int CHUNK = 5_000;

    private final JdbcTemplate jdbc;
    private final MessagingProperties properties;
    private final Clock clock;

    public OutboxPurge(JdbcTemplate jdbc, MessagingProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${platform.messaging.outbox-purge-interval:PT1H}", initialDelayString = "PT1M")
    public void purge() {
        Timestamp cutoff = Timestamp.from(clock.instant().minus(properties.outboxRetention()));
        long outbox = deleteOlderThan("outbox_event", "created_at", cutoff);
        long inbox = deleteOlderThan("processed_event", "processed_at", cutoff);
        if (outbox + inbox > 0) {
            log.info("Purged {} outbox and {} processed-event rows older than {}", outbox, inbox, cutoff.toInstant());
        }
    }

    private long deleteOlderThan(String table, String column, Timestamp cutoff) {
        long total = 0;
        int deleted;
        do {
            deleted = jdbc.update("DELETE FROM " + table + " WHERE " + column + " < ? LIMIT " + CHUNK, cutoff);
            total += deleted;
        } while (deleted == CHUNK);
        return total;
    }
}
