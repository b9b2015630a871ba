package id.go.kemensos.returnee.eligibility.decision;

import id.go.kemensos.returnee.contracts.eligibility.EligibilityDecided;
import id.go.kemensos.returnee.contracts.registration.ReturneeRegistered;
import id.go.kemensos.returnee.messaging.IncomingEvent;
import id.go.kemensos.returnee.messaging.Outbox;
import id.go.kemensos.returnee.messaging.ProcessedEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/** Decides each new registration; the decision row, its event and the processed-event mark commit together. */
@Service
public class EligibilityDecisions {

    static final String CONSUMER = "eligibility.registration-events";
    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    private static final Logger log = LoggerFactory.getLogger(EligibilityDecisions.class);

    private final PlaceholderStimulantRule rule;
    private final ProcessedEvents processed;
    private final Outbox outbox;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    EligibilityDecisions(PlaceholderStimulantRule rule, ProcessedEvents processed, Outbox outbox, JdbcTemplate jdbc, Clock clock) {
        this.rule = rule;
        this.processed = processed;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public void onRegistrationEvent(IncomingEvent event) {
        if (!processed.markHandled(CONSUMER, event.id())) {
            return;
        }
        event.payloadAs(ReturneeRegistered.class).ifPresent(registered -> decide(registered, event.id()));
    }

    private void decide(ReturneeRegistered registration, UUID sourceEventId) {
        Instant now = clock.instant();
        PlaceholderStimulantRule.Verdict verdict = rule.decide(registration, LocalDate.ofInstant(now, JAKARTA));
        EligibilityDecided decided = new EligibilityDecided(UUID.randomUUID(), registration.beneficiaryId(), verdict.programId(),
                verdict.cycleId(), verdict.outcome(), verdict.grantAmount(), verdict.entitlements(), verdict.ruleSetId(),
                verdict.ruleSetVersion(), verdict.failedCriteria(), registration.provinceCode(), registration.regencyCode(), null, now);
        jdbc.update("""
                        INSERT INTO decision (decision_id, beneficiary_id, program_id, cycle_id, outcome, grant_amount, rule_set_id,
                            rule_set_version, failed_criteria, province_code, regency_code, source_event_id, decided_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                decided.decisionId().toString(), decided.beneficiaryId().toString(), decided.programId(), decided.cycleId(),
                decided.outcome().name(), decided.grantAmount(), decided.ruleSetId(), decided.ruleSetVersion(),
                String.join(",", decided.failedCriteria()), decided.provinceCode(), decided.regencyCode(),
                sourceEventId.toString(), Timestamp.from(now));
        outbox.append(decided);
        log.info("Decided {} for beneficiary {} under {} {}", decided.outcome(), decided.beneficiaryId(), decided.ruleSetId(),
                decided.ruleSetVersion());
    }
}
