package id.go.kemensos.returnee.eligibility.decision;

import id.go.kemensos.returnee.contracts.eligibility.Outcome;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

@Repository
class DecisionRepository {

    private static final String SELECT = """
            SELECT d.*, o.override_id, o.outcome AS override_outcome, o.grant_amount AS override_amount,
                   o.reason, o.officer, o.overridden_at
            FROM decision d LEFT JOIN decision_override o ON o.decision_id = d.decision_id
            """;

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final PersonalInputs personal;

    DecisionRepository(JdbcTemplate jdbc, JsonMapper json, PersonalInputs personal) {
        this.jdbc = jdbc;
        this.json = json;
        this.personal = personal;
    }

    /** A decision as it is stored and published: its personal inputs sealed. */
    Decision sealed(Decision clear) {
        return personal.sealed(clear);
    }

    /**
     * Stores a person's new decisions (sealed, see {@link #sealed}) in one batch, and marks the decisions they
     * replace as superseded.
     */
    void insertAll(List<Decision> sealed, UUID sourceEventId) {
        if (sealed.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(
                """
                        INSERT INTO decision (decision_id, beneficiary_id, program_id, cycle_id, outcome, grant_amount,
                            rule_set_id, rule_set_version, failed_criteria, province_code, regency_code,
                            source_event_id, previous_decision_id, decided_at, explanation, entitlements, restricted,
                            review_requested_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                sealed.stream()
                        .map(d -> new Object[] {
                            d.decisionId().toString(),
                            d.beneficiaryId().toString(),
                            d.programId(),
                            d.cycleId(),
                            d.outcome().name(),
                            d.grantAmount(),
                            d.ruleSetId(),
                            d.ruleSetVersion(),
                            String.join(",", d.notPassed()),
                            d.provinceCode(),
                            d.regencyCode(),
                            sourceEventId == null ? d.decisionId().toString() : sourceEventId.toString(),
                            d.previousDecisionId() == null
                                    ? null
                                    : d.previousDecisionId().toString(),
                            Timestamp.from(d.decidedAt()),
                            json.writeValueAsString(d.explanation()),
                            String.join(",", d.entitlements()),
                            d.restricted(),
                            d.reviewRequest() == null ? null : d.reviewRequest().toString()
                        })
                        .toList());
        List<Object[]> superseded = sealed.stream()
                .filter(d -> d.previousDecisionId() != null)
                .map(d -> new Object[] {
                    d.decisionId().toString(), d.previousDecisionId().toString()
                })
                .toList();
        if (!superseded.isEmpty()) {
            jdbc.batchUpdate("UPDATE decision SET superseded_by = ? WHERE decision_id = ?", superseded);
        }
    }

    /**
     * The latest decision of a beneficiary under each rule set (laws and programs are decided separately), by rule set
     * id, as stored: their personal inputs stay sealed, as deciding again reads only outcome, amount and entitlements.
     */
    Map<String, Decision> current(UUID beneficiaryId) {
        Map<String, Decision> current = new HashMap<>();
        jdbc.query(
                        SELECT + " WHERE d.beneficiary_id = ? AND d.superseded_by IS NULL",
                        this::decision,
                        beneficiaryId.toString())
                .forEach(d -> current.put(d.ruleSetId(), d));
        return current;
    }

    Optional<Decision> find(UUID decisionId) {
        return read(SELECT + " WHERE d.decision_id = ?", decisionId.toString()).stream()
                .findFirst();
    }

    Optional<Decision> lock(UUID decisionId) {
        return read(SELECT + " WHERE d.decision_id = ? FOR UPDATE", decisionId.toString()).stream()
                .findFirst();
    }

    /**
     * A decision within the reader's reach: its person of the province given (null: any), and a restricted one only for
     * a reader with the need to know.
     */
    Optional<Decision> find(UUID decisionId, String provinceCode, boolean includeRestricted) {
        return read(
                        SELECT + " WHERE d.decision_id = ? AND (? IS NULL OR d.province_code = ?) AND (? OR "
                                + "d.restricted = FALSE)",
                        decisionId.toString(),
                        provinceCode,
                        provinceCode,
                        includeRestricted)
                .stream()
                .findFirst();
    }

    /**
     * Every decision of a beneficiary within the reader's reach (as {@link #find(UUID, String, boolean)}), newest
     * first.
     */
    List<Decision> history(UUID beneficiaryId, String provinceCode, boolean includeRestricted) {
        return read(
                SELECT
                        + " WHERE d.beneficiary_id = ? AND (? IS NULL OR d.province_code = ?) AND (? OR "
                        + "d.restricted = FALSE) "
                        + "ORDER BY d.decided_at DESC, d.decision_id DESC",
                beneficiaryId.toString(),
                provinceCode,
                provinceCode,
                includeRestricted);
    }

    private static final String PENDING_REVIEW =
            " WHERE (d.outcome = 'NEEDS_REVIEW' OR (d.outcome = 'INELIGIBLE' AND d.review_requested_by IS NOT NULL))"
                    + " AND (? IS NULL OR d.province_code = ?) AND d.superseded_by IS NULL "
                    + "AND o.override_id IS NULL AND ((? AND d.restricted = FALSE) OR (? AND d.restricted = TRUE))";

    /**
     * Current NEEDS_REVIEW decisions no officer has decided yet, oldest first: general ones, restricted ones or both
     * (province null: all).
     */
    List<Decision> pendingReviews(String provinceCode, boolean general, boolean restricted, int page, int size) {
        return read(
                SELECT + PENDING_REVIEW + " ORDER BY d.decided_at, d.decision_id LIMIT ? OFFSET ?",
                provinceCode,
                provinceCode,
                general,
                restricted,
                size,
                (long) page * size);
    }

    long countPendingReviews(String provinceCode, boolean general, boolean restricted) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM decision d LEFT JOIN decision_override o ON o.decision_id = d.decision_id"
                        + PENDING_REVIEW,
                Long.class,
                provinceCode,
                provinceCode,
                general,
                restricted);
    }

    /**
     * Whom the restricted laws reach now: current decisions under them that entitle the person (ELIGIBLE, also by an
     * officer's ruling) or wait for a protection officer (NEEDS_REVIEW), counted by rule set, regency, sex and age band.
     */
    List<Map<String, Object>> restrictedReach(String provinceCode) {
        return jdbc.queryForList("""
                        SELECT d.rule_set_id AS ruleSetId, d.regency_code AS regencyCode,
                               COALESCE(f.sex, 'UNKNOWN') AS sex, COALESCE(f.age_band, 'UNKNOWN') AS ageBand,
                               COALESCE(o.outcome, d.outcome) AS outcome, COUNT(*) AS people
                        FROM decision d
                        LEFT JOIN decision_override o ON o.decision_id = d.decision_id
                        LEFT JOIN registration_fact f ON f.beneficiary_id = d.beneficiary_id
                        WHERE d.restricted AND d.superseded_by IS NULL
                          AND COALESCE(o.outcome, d.outcome) IN ('ELIGIBLE', 'NEEDS_REVIEW')
                          AND (? IS NULL OR d.province_code = ?)
                        GROUP BY ruleSetId, regencyCode, sex, ageBand, outcome
                        ORDER BY ruleSetId, regencyCode, sex, ageBand, outcome""", provinceCode, provinceCode);
    }

    /** The person asked for this refusal to be reviewed (grievance id); the first request is the one kept. */
    void markReviewRequested(UUID decisionId, UUID grievanceId) {
        jdbc.update(
                "UPDATE decision SET review_requested_by = ? WHERE decision_id = ? AND review_requested_by IS NULL",
                grievanceId.toString(),
                decisionId.toString());
    }

    void insertOverride(UUID decisionId, Decision.Override o) {
        jdbc.update(
                "INSERT INTO decision_override (override_id, decision_id, outcome, grant_amount, reason, officer, "
                        + "overridden_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                o.overrideId().toString(),
                decisionId.toString(),
                o.outcome().name(),
                o.grantAmount(),
                o.reason(),
                o.officer(),
                Timestamp.from(o.overriddenAt()));
    }

    /** Reads decisions and opens their personal inputs, the people's keys read in one go for a page of them. */
    private List<Decision> read(String sql, Object... args) {
        List<Decision> rows = jdbc.query(sql, this::decision, args);
        if (rows.size() > 1) {
            personal.loadKeys(rows.stream().map(Decision::beneficiaryId).toList());
        }
        return rows.stream().map(personal::opened).toList();
    }

    private Decision decision(ResultSet rs, int rowNum) throws SQLException {
        String overrideId = rs.getString("override_id");
        Decision.Override override = overrideId == null
                ? null
                : new Decision.Override(
                        UUID.fromString(overrideId),
                        Outcome.valueOf(rs.getString("override_outcome")),
                        rs.getLong("override_amount"),
                        rs.getString("reason"),
                        rs.getString("officer"),
                        rs.getTimestamp("overridden_at").toInstant());
        String explanation = rs.getString("explanation");
        return new Decision(
                UUID.fromString(rs.getString("decision_id")),
                UUID.fromString(rs.getString("beneficiary_id")),
                rs.getString("program_id"),
                rs.getString("cycle_id"),
                Outcome.valueOf(rs.getString("outcome")),
                rs.getLong("grant_amount"),
                list(rs.getString("entitlements")),
                rs.getString("rule_set_id"),
                rs.getString("rule_set_version"),
                list(rs.getString("failed_criteria")),
                rs.getString("province_code"),
                rs.getString("regency_code"),
                uuid(rs.getString("previous_decision_id")),
                uuid(rs.getString("superseded_by")),
                rs.getTimestamp("decided_at").toInstant(),
                explanation == null ? null : json.readValue(explanation, Explanation.class),
                override,
                rs.getBoolean("restricted"),
                uuid(rs.getString("review_requested_by")));
    }

    private static List<String> list(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
    }

    private static UUID uuid(String text) {
        return text == null ? null : UUID.fromString(text);
    }
}
