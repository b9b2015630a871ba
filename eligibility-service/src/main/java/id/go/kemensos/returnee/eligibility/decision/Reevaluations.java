package id.go.kemensos.returnee.eligibility.decision;

import id.go.kemensos.returnee.eligibility.facts.RegistrationFacts;
import jakarta.annotation.PreDestroy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Re-evaluations as background jobs: a province's (or everyone's) people decided again with the rules in force now, one
 * chunk at a time, the progress written after each chunk. One worker runs them in the order asked; the same province
 * and rule set asked again while one runs gets that one. A service stopped mid-way resumes after the last recorded
 * chunk when it starts again (the people of the chunk it was in are decided again, which changes nothing; they are not
 * counted twice, and their decisions made before the stop are not counted at all).
 */
@Service
public class Reevaluations {

    static final int CHUNK = 100;
    private static final Logger log = LoggerFactory.getLogger(Reevaluations.class);

    public enum State {
        RUNNING,
        COMPLETED,
        FAILED
    }

    public record Reevaluation(
            UUID reevaluationId,
            String provinceCode,
            String ruleSetId,
            State state,
            long total,
            long beneficiaries,
            long decided,
            long changed,
            String requestedBy,
            Instant startedAt,
            Instant updatedAt,
            Instant finishedAt,
            String failure) {}

    /** What a request to start one gave: a new job, or the one already running for the same scope. */
    public record Started(Reevaluation reevaluation, boolean created) {}

    private final JdbcTemplate jdbc;
    private final RegistrationFacts facts;
    private final EligibilityDecisions eligibility;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "reevaluation");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean stopping;

    Reevaluations(JdbcTemplate jdbc, RegistrationFacts facts, EligibilityDecisions eligibility, Clock clock) {
        this.jdbc = jdbc;
        this.facts = facts;
        this.eligibility = eligibility;
        this.clock = clock;
    }

    public synchronized Started start(String provinceCode, String ruleSetId, String requestedBy) {
        Optional<Reevaluation> running = jdbc
                .query(
                        "SELECT * FROM reevaluation WHERE state = 'RUNNING' AND province_code <=> ? "
                                + "AND rule_set_id <=> ?",
                        this::map,
                        provinceCode,
                        ruleSetId)
                .stream()
                .findFirst();
        if (running.isPresent()) {
            return new Started(running.get(), false);
        }
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update(
                "INSERT INTO reevaluation (reevaluation_id, province_code, rule_set_id, state, total, "
                        + "requested_by, started_at, updated_at) VALUES (?, ?, ?, 'RUNNING', ?, ?, ?, ?)",
                id.toString(),
                provinceCode,
                ruleSetId,
                facts.count(provinceCode),
                requestedBy,
                now,
                now);
        log.info(
                "Re-evaluation {} of province {} (rule set {}) started by {}",
                id,
                provinceCode == null ? "all" : provinceCode,
                ruleSetId == null ? "all" : ruleSetId,
                requestedBy);
        worker.submit(() -> run(id));
        return new Started(find(id).orElseThrow(), true);
    }

    public Optional<Reevaluation> find(UUID reevaluationId) {
        return jdbc
                .query("SELECT * FROM reevaluation WHERE reevaluation_id = ?", this::map, reevaluationId.toString())
                .stream()
                .findFirst();
    }

    /** Those a stopped service left running go on from where they were. */
    @EventListener(ApplicationReadyEvent.class)
    void resumeInterrupted() {
        for (String id : jdbc.queryForList(
                "SELECT reevaluation_id FROM reevaluation WHERE state = 'RUNNING' ORDER BY started_at", String.class)) {
            log.info("Re-evaluation {} resumes after a restart", id);
            worker.submit(() -> run(UUID.fromString(id)));
        }
    }

    private void run(UUID id) {
        try {
            Reevaluation job = find(id).orElseThrow();
            UUID after = jdbc.queryForObject(
                    "SELECT last_beneficiary FROM reevaluation WHERE reevaluation_id = ?",
                    (rs, n) -> rs.getString(1) == null ? null : UUID.fromString(rs.getString(1)),
                    id.toString());
            List<UUID> chunk;
            while (!stopping && !(chunk = facts.beneficiaries(job.provinceCode(), after, CHUNK)).isEmpty()) {
                EligibilityDecisions.Result done = new EligibilityDecisions.Result(0, 0);
                for (UUID beneficiaryId : chunk) {
                    if (stopping) {
                        return; // resumed after the last recorded chunk at the next start
                    }
                    done = done.plus(eligibility.reevaluate(beneficiaryId, job.ruleSetId()));
                }
                after = chunk.get(chunk.size() - 1);
                jdbc.update(
                        "UPDATE reevaluation SET beneficiaries = beneficiaries + ?, decided = decided + ?, changed "
                                + "= changed + ?, last_beneficiary = ?, updated_at = ? WHERE reevaluation_id = ?",
                        chunk.size(),
                        done.decided(),
                        done.changed(),
                        after.toString(),
                        Timestamp.from(clock.instant()),
                        id.toString());
            }
            if (!stopping) {
                Timestamp now = Timestamp.from(clock.instant());
                jdbc.update(
                        "UPDATE reevaluation SET state = 'COMPLETED', updated_at = ?, finished_at = ? WHERE "
                                + "reevaluation_id = ?",
                        now,
                        now,
                        id.toString());
                log.info("Re-evaluation {} completed", id);
            }
        } catch (RuntimeException e) {
            if (stopping) {
                return;
            }
            log.error("Re-evaluation {} failed", id, e);
            String reason = String.valueOf(e.getMessage());
            Timestamp now = Timestamp.from(clock.instant());
            jdbc.update(
                    "UPDATE reevaluation SET state = 'FAILED', failure = ?, updated_at = ?, finished_at = ? WHERE "
                            + "reevaluation_id = ?",
                    reason.length() > 500 ? reason.substring(0, 500) : reason,
                    now,
                    now,
                    id.toString());
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
        worker.shutdown();
    }

    private Reevaluation map(ResultSet rs, int row) throws SQLException {
        return new Reevaluation(
                UUID.fromString(rs.getString("reevaluation_id")),
                rs.getString("province_code"),
                rs.getString("rule_set_id"),
                State.valueOf(rs.getString("state")),
                rs.getLong("total"),
                rs.getLong("beneficiaries"),
                rs.getLong("decided"),
                rs.getLong("changed"),
                rs.getString("requested_by"),
                rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getTimestamp("finished_at") == null
                        ? null
                        : rs.getTimestamp("finished_at").toInstant(),
                rs.getString("failure"));
    }
}
