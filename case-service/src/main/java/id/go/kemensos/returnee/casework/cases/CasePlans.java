package id.go.kemensos.returnee.casework.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * The only code that touches {@code needs_assessment}, {@code assessed_need} and {@code plan_action}: what the case
 * worker found the person needs, each time they assess, and the steps of the plan agreed with the person.
 */
@Repository
class CasePlans {

    /** One assessment: the level of each dimension ({@code needs}, in the dimensions' order), and the note. */
    record Assessment(
            UUID assessmentId,
            UUID caseId,
            Map<String, String> needs,
            String note,
            String assessedBy,
            Instant assessedAt) {}

    /** A step of the plan; {@code outcome} is null while it is open. */
    record Action(
            UUID actionId,
            UUID caseId,
            String dimension,
            String actionText,
            UUID offerId,
            LocalDate dueOn,
            String addedBy,
            Instant addedAt,
            String outcome,
            String outcomeNote,
            String closedBy,
            Instant closedAt) {}

    /** People of a regency whose latest assessment scored a dimension at a level. */
    record NeedCount(String provinceCode, String regencyCode, String dimension, String level, long count) {}

    private static final String ACTION_COLUMNS = "action_id, case_id, dimension, action_text, offer_id, due_on,"
            + " added_by, added_at, outcome, outcome_note, closed_by, closed_at";

    private final JdbcTemplate jdbc;

    CasePlans(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void addAssessment(Assessment a) {
        jdbc.update(
                "INSERT INTO needs_assessment (assessment_id, case_id, note, assessed_by, assessed_at)"
                        + " VALUES (?, ?, ?, ?, ?)",
                a.assessmentId().toString(),
                a.caseId().toString(),
                a.note(),
                a.assessedBy(),
                Timestamp.from(a.assessedAt()));
        List<Object[]> rows = new ArrayList<>();
        a.needs()
                .forEach((dimension, level) ->
                        rows.add(new Object[] {a.assessmentId().toString(), dimension, level}));
        jdbc.batchUpdate("INSERT INTO assessed_need (assessment_id, dimension, level) VALUES (?, ?, ?)", rows);
    }

    /** The case's assessments, newest first. */
    List<Assessment> assessments(UUID caseId) {
        Map<UUID, Map<String, String>> needs = new HashMap<>();
        jdbc.query(
                "SELECT n.assessment_id, n.dimension, n.level FROM assessed_need n JOIN needs_assessment a"
                        + " ON a.assessment_id = n.assessment_id WHERE a.case_id = ?",
                (RowCallbackHandler)
                        rs -> needs.computeIfAbsent(UUID.fromString(rs.getString(1)), k -> new LinkedHashMap<>())
                                .put(rs.getString(2), rs.getString(3)),
                caseId.toString());
        return jdbc.query(
                "SELECT assessment_id, note, assessed_by, assessed_at FROM needs_assessment WHERE case_id = ?"
                        + " ORDER BY assessed_at DESC, assessment_id",
                (rs, n) -> {
                    UUID id = UUID.fromString(rs.getString("assessment_id"));
                    return new Assessment(
                            id,
                            caseId,
                            needs.getOrDefault(id, Map.of()),
                            rs.getString("note"),
                            rs.getString("assessed_by"),
                            rs.getTimestamp("assessed_at").toInstant());
                },
                caseId.toString());
    }

    void addAction(Action a) {
        jdbc.update(
                "INSERT INTO plan_action (action_id, case_id, dimension, action_text, offer_id, due_on, added_by,"
                        + " added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                a.actionId().toString(),
                a.caseId().toString(),
                a.dimension(),
                a.actionText(),
                a.offerId() == null ? null : a.offerId().toString(),
                a.dueOn(),
                a.addedBy(),
                Timestamp.from(a.addedAt()));
    }

    List<Action> actions(UUID caseId) {
        return jdbc.query(
                "SELECT " + ACTION_COLUMNS + " FROM plan_action WHERE case_id = ? ORDER BY due_on, added_at",
                CasePlans::action,
                caseId.toString());
    }

    Optional<Action> actionForUpdate(UUID actionId) {
        return jdbc
                .query(
                        "SELECT " + ACTION_COLUMNS + " FROM plan_action WHERE action_id = ? FOR UPDATE",
                        CasePlans::action,
                        actionId.toString())
                .stream()
                .findFirst();
    }

    void closeAction(UUID actionId, String outcome, String note, String by, Instant at) {
        jdbc.update(
                "UPDATE plan_action SET outcome = ?, outcome_note = ?, closed_by = ?, closed_at = ?"
                        + " WHERE action_id = ?",
                outcome,
                note,
                by,
                Timestamp.from(at),
                actionId.toString());
    }

    /** Clears what officers wrote about a person: the assessments' notes and the plan's words. */
    void clearNotes(UUID beneficiaryId) {
        jdbc.update(
                "UPDATE needs_assessment a JOIN case_file c ON c.case_id = a.case_id SET a.note = NULL"
                        + " WHERE c.beneficiary_id = ?",
                beneficiaryId.toString());
        jdbc.update(
                "UPDATE plan_action p JOIN case_file c ON c.case_id = p.case_id SET p.action_text = NULL,"
                        + " p.outcome_note = NULL WHERE c.beneficiary_id = ?",
                beneficiaryId.toString());
    }

    /** Per regency, dimension and level, the people of a province (all when null) as their latest assessment found. */
    List<NeedCount> needsAtLatestAssessment(String provinceCode) {
        List<Object> args = new ArrayList<>();
        if (provinceCode != null) {
            args.add(provinceCode);
        }
        return jdbc.query(
                "SELECT c.province_code, c.regency_code, n.dimension, n.level, COUNT(*) FROM (SELECT assessment_id,"
                        + " case_id, ROW_NUMBER() OVER (PARTITION BY case_id ORDER BY assessed_at DESC) AS latest"
                        + " FROM needs_assessment) a JOIN assessed_need n ON n.assessment_id = a.assessment_id"
                        + " JOIN case_file c ON c.case_id = a.case_id WHERE a.latest = 1"
                        + (provinceCode == null ? "" : " AND c.province_code = ?")
                        + " GROUP BY c.province_code, c.regency_code, n.dimension, n.level"
                        + " ORDER BY c.province_code, c.regency_code",
                (rs, n) -> new NeedCount(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)),
                args.toArray());
    }

    private static Action action(ResultSet rs, int n) throws SQLException {
        String offer = rs.getString("offer_id");
        Timestamp closed = rs.getTimestamp("closed_at");
        return new Action(
                UUID.fromString(rs.getString("action_id")),
                UUID.fromString(rs.getString("case_id")),
                rs.getString("dimension"),
                rs.getString("action_text"),
                offer == null ? null : UUID.fromString(offer),
                rs.getObject("due_on", LocalDate.class),
                rs.getString("added_by"),
                rs.getTimestamp("added_at").toInstant(),
                rs.getString("outcome"),
                rs.getString("outcome_note"),
                rs.getString("closed_by"),
                closed == null ? null : closed.toInstant());
    }
}
