package id.go.kemensos.returnee.casework.grievance;

import id.go.kemensos.returnee.messaging.CommitBatch;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The only code on grievance, person_region (each registered person's region and sex) and refusal. */
@Repository
class GrievanceRecords {

    record Region(String provinceCode, String regencyCode) {}

    record Refusal(UUID decisionId, UUID beneficiaryId, boolean restricted) {}

    record Grievance(
            UUID grievanceId,
            UUID beneficiaryId,
            String provinceCode,
            String regencyCode,
            String kind,
            String channel,
            UUID decisionId,
            String summary,
            String owner,
            String receivedBy,
            Instant receivedAt,
            LocalDate dueOn,
            String resolution,
            String resolutionNote,
            String resolvedBy,
            Instant resolvedAt) {

        boolean open() {
            return resolvedAt == null;
        }
    }

    /** Grievances of a regency and kind: open, open and overdue, settled. */
    record GrievanceCount(
            String provinceCode, String regencyCode, String kind, long open, long overdue, long settled) {}

    private static final String COLUMNS = "grievance_id, beneficiary_id, province_code, regency_code, kind, channel,"
            + " decision_id, summary, owner, received_by, received_at, due_on, resolution, resolution_note,"
            + " resolved_by, resolved_at";

    private final JdbcTemplate jdbc;
    // Registrations and refusals arrive by the poll and are read only by officers' requests: written at commit, a
    // poll's together.
    private final CommitBatch<Object[]> regions = new CommitBatch<>(this::insertRegions);
    private final CommitBatch<Object[]> refusals = new CommitBatch<>(this::insertRefusals);

    GrievanceRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private void insertRegions(List<Object[]> rows) {
        jdbc.batchUpdate(
                "INSERT IGNORE INTO person_region (beneficiary_id, province_code, regency_code, sex) VALUES (?, ?, ?, ?)",
                rows);
    }

    private void insertRefusals(List<Object[]> rows) {
        jdbc.batchUpdate(
                "INSERT IGNORE INTO refusal (decision_id, beneficiary_id, restricted, decided_at) VALUES (?, ?, ?, ?)",
                rows);
    }

    /** Written when the transaction commits. */
    void rememberRegion(UUID beneficiaryId, String provinceCode, String regencyCode, String sex) {
        regions.add(new Object[] {beneficiaryId.toString(), provinceCode, regencyCode, sex});
    }

    Optional<Region> region(UUID beneficiaryId) {
        return jdbc
                .query(
                        "SELECT province_code, regency_code FROM person_region WHERE beneficiary_id = ?",
                        (rs, n) -> new Region(rs.getString(1), rs.getString(2)),
                        beneficiaryId.toString())
                .stream()
                .findFirst();
    }

    /** Written when the transaction commits. */
    void rememberRefusal(UUID decisionId, UUID beneficiaryId, boolean restricted, Instant decidedAt) {
        refusals.add(
                new Object[] {decisionId.toString(), beneficiaryId.toString(), restricted, Timestamp.from(decidedAt)});
    }

    Optional<Refusal> refusal(UUID decisionId) {
        return jdbc
                .query(
                        "SELECT decision_id, beneficiary_id, restricted FROM refusal WHERE decision_id = ?",
                        (rs, n) -> new Refusal(
                                UUID.fromString(rs.getString(1)), UUID.fromString(rs.getString(2)), rs.getBoolean(3)),
                        decisionId.toString())
                .stream()
                .findFirst();
    }

    void add(Grievance g) {
        jdbc.update(
                "INSERT INTO grievance (grievance_id, beneficiary_id, province_code, regency_code, kind, channel,"
                        + " decision_id, summary, owner, received_by, received_at, due_on) VALUES (?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?, ?, ?)",
                g.grievanceId().toString(),
                g.beneficiaryId().toString(),
                g.provinceCode(),
                g.regencyCode(),
                g.kind(),
                g.channel(),
                g.decisionId() == null ? null : g.decisionId().toString(),
                g.summary(),
                g.owner(),
                g.receivedBy(),
                Timestamp.from(g.receivedAt()),
                g.dueOn());
    }

    Optional<Grievance> byId(UUID grievanceId) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM grievance WHERE grievance_id = ?",
                        GrievanceRecords::grievance,
                        grievanceId.toString())
                .stream()
                .findFirst();
    }

    Optional<Grievance> forUpdate(UUID grievanceId) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM grievance WHERE grievance_id = ? FOR UPDATE",
                        GrievanceRecords::grievance,
                        grievanceId.toString())
                .stream()
                .findFirst();
    }

    /** The open requests to review this decision (at most one, but a list keeps a second from being lost). */
    List<Grievance> openReviewRequests(UUID decisionId) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM grievance WHERE decision_id = ? AND kind = 'REVIEW_REQUEST'"
                        + " AND resolved_at IS NULL FOR UPDATE",
                GrievanceRecords::grievance,
                decisionId.toString());
    }

    /** The person's open grievances owned by one case worker go to another. */
    void moveOpen(UUID beneficiaryId, String fromOwner, String toOwner) {
        jdbc.update(
                "UPDATE grievance SET owner = ? WHERE beneficiary_id = ? AND owner <=> ? AND resolved_at IS NULL",
                toOwner,
                beneficiaryId.toString(),
                fromOwner);
    }

    /** A review request now concerns the decision that replaced the one it named. */
    void followDecision(UUID grievanceId, UUID decisionId) {
        jdbc.update(
                "UPDATE grievance SET decision_id = ? WHERE grievance_id = ?",
                decisionId.toString(),
                grievanceId.toString());
    }

    void settle(UUID grievanceId, String resolution, String note, String by, Instant at) {
        jdbc.update(
                "UPDATE grievance SET resolution = ?, resolution_note = ?, resolved_by = ?, resolved_at = ?"
                        + " WHERE grievance_id = ?",
                resolution,
                note,
                by,
                Timestamp.from(at),
                grievanceId.toString());
    }

    /** Grievances of a province (all when null), open ones first by due date, then the newest settled; at most limit. */
    List<Grievance> list(String provinceCode, boolean openOnly, int limit) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM grievance WHERE 1 = 1");
        if (provinceCode != null) {
            sql.append(" AND province_code = ?");
            args.add(provinceCode);
        }
        if (openOnly) {
            sql.append(" AND resolved_at IS NULL");
        }
        sql.append(" ORDER BY resolved_at IS NOT NULL, due_on, received_at DESC LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), GrievanceRecords::grievance, args.toArray());
    }

    List<GrievanceCount> counts(String provinceCode, LocalDate today) {
        List<Object> args = new ArrayList<>(List.of(today));
        if (provinceCode != null) {
            args.add(provinceCode);
        }
        return jdbc.query(
                "SELECT province_code, regency_code, kind, SUM(resolved_at IS NULL),"
                        + " SUM(resolved_at IS NULL AND due_on < ?), SUM(resolved_at IS NOT NULL) FROM grievance"
                        + (provinceCode == null ? "" : " WHERE province_code = ?")
                        + " GROUP BY province_code, regency_code, kind ORDER BY province_code, regency_code, kind",
                (rs, n) -> new GrievanceCount(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)),
                args.toArray());
    }

    /** Clears what the person said and what was noted, once they are erased. */
    void clearNotes(UUID beneficiaryId) {
        jdbc.update(
                "UPDATE grievance SET summary = NULL, resolution_note = NULL WHERE beneficiary_id = ?",
                beneficiaryId.toString());
    }

    private static Grievance grievance(ResultSet rs, int n) throws SQLException {
        String decision = rs.getString("decision_id");
        Timestamp resolvedAt = rs.getTimestamp("resolved_at");
        return new Grievance(
                UUID.fromString(rs.getString("grievance_id")),
                UUID.fromString(rs.getString("beneficiary_id")),
                rs.getString("province_code"),
                rs.getString("regency_code"),
                rs.getString("kind"),
                rs.getString("channel"),
                decision == null ? null : UUID.fromString(decision),
                rs.getString("summary"),
                rs.getString("owner"),
                rs.getString("received_by"),
                rs.getTimestamp("received_at").toInstant(),
                rs.getObject("due_on", LocalDate.class),
                rs.getString("resolution"),
                rs.getString("resolution_note"),
                rs.getString("resolved_by"),
                resolvedAt == null ? null : resolvedAt.toInstant());
    }
}
