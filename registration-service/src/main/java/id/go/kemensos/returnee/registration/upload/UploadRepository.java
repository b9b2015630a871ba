package id.go.kemensos.returnee.registration.upload;

import id.go.kemensos.returnee.privacy.PersonKeys;
import id.go.kemensos.returnee.privacy.PersonalDataCipher;
import id.go.kemensos.returnee.registration.returnee.RegisterReturneeRequest;
import id.go.kemensos.returnee.registration.validation.Problem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class UploadRepository {

    private static final TypeReference<List<Problem>> PROBLEMS = new TypeReference<>() {};
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    /** The fields an upload's rows as uploaded are sealed under, with the upload's own data key. */
    private static final String RAW_ROW = "rawRow";

    private static final String HELD_REGISTRATION = "heldRegistration";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final PersonalDataCipher cipher;
    private final PersonKeys keys;
    private final RowMapper<UploadStatus> status;

    UploadRepository(JdbcTemplate jdbc, JsonMapper json, PersonalDataCipher cipher, PersonKeys keys) {
        this.jdbc = jdbc;
        this.json = json;
        this.cipher = cipher;
        this.keys = keys;
        this.status = (rs, n) -> new UploadStatus(
                UUID.fromString(rs.getString("upload_id")),
                rs.getString("province_code"),
                rs.getString("file_name"),
                rs.getString("status"),
                rs.getLong("rows_read"),
                rs.getObject("rows_total_hint") == null ? null : rs.getLong("rows_total_hint"),
                rs.getLong("accepted"),
                rs.getLong("rejected"),
                rs.getLong("held"),
                rs.getLong("registered"),
                rs.getString("unknown_columns") == null
                        ? List.of()
                        : json.readValue(rs.getString("unknown_columns"), STRINGS),
                rs.getString("failure"),
                rs.getTimestamp("received_at").toInstant(),
                rs.getTimestamp("completed_at") == null
                        ? null
                        : rs.getTimestamp("completed_at").toInstant());
    }

    Optional<UploadStatus> find(UUID uploadId) {
        return jdbc.query("SELECT * FROM upload WHERE upload_id = ?", status, uploadId.toString()).stream()
                .findFirst();
    }

    Optional<UploadStatus> findByContent(String sha256) {
        return jdbc.query("SELECT * FROM upload WHERE content_sha256 = ?", status, sha256).stream()
                .findFirst();
    }

    /**
     * Records a new upload and creates its data key (in the key vault, like a person's): its rows as uploaded are
     * sealed with it, and destroying it when they are purged leaves nothing readable behind, in backups either.
     *
     * @return false when an upload with the same content exists already (a concurrent duplicate upload lost the race)
     */
    boolean insert(UUID uploadId, String province, String fileName, String sha256, Instant receivedAt) {
        boolean inserted =
                jdbc.update("""
                INSERT IGNORE INTO upload (upload_id, province_code, file_name, content_sha256, status, received_at)
                VALUES (?, ?, ?, ?, 'RECEIVED', ?)""", uploadId.toString(), province, fileName, sha256, Timestamp.from(receivedAt)) == 1;
        if (inserted) {
            keys.createAll(List.of(uploadId));
        }
        return inserted;
    }

    void started(
            UUID uploadId, String format, List<String> headers, List<String> unknownColumns, OptionalLong totalRows) {
        jdbc.update(
                "UPDATE upload SET status = 'PROCESSING', format = ?, header_names = ?, unknown_columns = ?, "
                        + "rows_total_hint = ? WHERE upload_id = ?",
                format,
                json.writeValueAsString(headers),
                json.writeValueAsString(unknownColumns),
                totalRows.isPresent() ? totalRows.getAsLong() : null,
                uploadId.toString());
    }

    void progressed(UUID uploadId, long rowsRead, long accepted, long rejected, long held, long registered) {
        jdbc.update(
                "UPDATE upload SET rows_read = ?, accepted = accepted + ?, rejected = rejected + ?, held = held + ?, "
                        + "registered = registered + ? WHERE upload_id = ?",
                rowsRead,
                accepted,
                rejected,
                held,
                registered,
                uploadId.toString());
    }

    void finished(UUID uploadId, String status, String failure, Instant at) {
        jdbc.update(
                "UPDATE upload SET status = ?, failure = ?, completed_at = ? WHERE upload_id = ?",
                status,
                failure,
                Timestamp.from(at),
                uploadId.toString());
    }

    long lastRecordedRow(UUID uploadId) {
        Long last = jdbc.queryForObject(
                "SELECT MAX(row_no) FROM upload_row WHERE upload_id = ?", Long.class, uploadId.toString());
        return last == null ? 0 : last;
    }

    /** How many uploads are in each status, for the engineer on call ({@code platform_uploads}). */
    Map<String, Long> countByStatus() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("SELECT status, COUNT(*) AS uploads FROM upload GROUP BY status", (RowCallbackHandler)
                rs -> counts.put(rs.getString("status"), rs.getLong("uploads")));
        return counts;
    }

    /**
     * The rows of the uploads still being read, summed: how many the files are expected to hold (where the reader
     * could tell), read so far, and their outcomes ({@code platform_upload_rows}).
     */
    Map<String, Long> rowsInProgress() {
        return jdbc.queryForObject("""
                SELECT COALESCE(SUM(rows_total_hint), 0) AS expected, COALESCE(SUM(rows_read), 0) AS rows_read,
                       COALESCE(SUM(accepted), 0) AS accepted, COALESCE(SUM(rejected), 0) AS rejected,
                       COALESCE(SUM(held), 0) AS held
                FROM upload WHERE status IN ('RECEIVED', 'PROCESSING')""", (rs, n) -> {
            Map<String, Long> rows = new LinkedHashMap<>();
            rows.put("expected", rs.getLong("expected"));
            rows.put("read", rs.getLong("rows_read"));
            rows.put("accepted", rs.getLong("accepted"));
            rows.put("rejected", rs.getLong("rejected"));
            rows.put("held", rs.getLong("held"));
            return rows;
        });
    }

    List<UploadStatus> unfinished() {
        return jdbc.query(
                "SELECT * FROM upload WHERE status IN ('RECEIVED', 'PROCESSING') ORDER BY received_at", status);
    }

    /** For each of these NIKs already recorded in this upload, the row that carried it first. */
    /** Rows of this upload by the blind index of their NIK (the NIK itself is not stored). */
    Map<String, Long> rowsOfNiks(UUID uploadId, Collection<String> niks) {
        if (niks.isEmpty()) {
            return Map.of();
        }
        List<Object> args = new ArrayList<>(niks.size() + 1);
        args.add(uploadId.toString());
        args.addAll(niks);
        Map<String, Long> rows = new HashMap<>();
        jdbc.query(
                "SELECT nik_index, row_no FROM upload_row WHERE upload_id = ? AND nik_index IN ("
                        + String.join(", ", Collections.nCopies(niks.size(), "?")) + ")",
                (RowCallbackHandler) rs -> rows.put(rs.getString("nik_index"), rs.getLong("row_no")),
                args.toArray());
        return rows;
    }

    void insertRows(List<Object[]> rows) {
        jdbc.batchUpdate(
                "INSERT INTO upload_row (upload_id, row_no, outcome, nik_index, beneficiary_id, raw_values, "
                        + "problems, held_registration) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
    }

    Object[] row(
            UUID uploadId,
            long rowNumber,
            RowVerdict.Outcome outcome,
            String nikIndex,
            UUID beneficiaryId,
            List<String> raw,
            List<Problem> problems) {
        return row(uploadId, rowNumber, outcome, nikIndex, beneficiaryId, raw, problems, null);
    }

    /** @param held the validated registration of a row held for review, kept for the officer's decision */
    Object[] row(
            UUID uploadId,
            long rowNumber,
            RowVerdict.Outcome outcome,
            String nikIndex,
            UUID beneficiaryId,
            List<String> raw,
            List<Problem> problems,
            RegisterReturneeRequest held) {
        return new Object[] {
            uploadId.toString(),
            rowNumber,
            outcome.name(),
            nikIndex,
            beneficiaryId == null ? null : beneficiaryId.toString(),
            cipher.sealRecord(uploadId, RAW_ROW, raw),
            json.writeValueAsString(problems),
            cipher.sealRecord(uploadId, HELD_REGISTRATION, held)
        };
    }

    /**
     * A row as uploaded: opened with the upload's key (rows kept before sealing read as written); empty once purged.
     */
    private List<String> rawValues(UUID uploadId, String stored) {
        if (stored == null) {
            return null;
        }
        return PersonalDataCipher.isSealed(stored)
                ? cipher.openRecord(uploadId, RAW_ROW, stored, String[].class)
                        .map(Arrays::asList)
                        .orElse(null)
                : json.readValue(stored, STRINGS);
    }

    private RegisterReturneeRequest heldRegistration(UUID uploadId, String stored) {
        if (stored == null) {
            return null;
        }
        return PersonalDataCipher.isSealed(stored)
                ? cipher.openRecord(uploadId, HELD_REGISTRATION, stored, RegisterReturneeRequest.class)
                        .orElse(null)
                : json.readValue(stored, RegisterReturneeRequest.class);
    }

    /** A held row and its review, locked for the officer's decision. */
    record HeldRow(
            UUID uploadId,
            long rowNumber,
            String provinceCode,
            RowVerdict.Outcome outcome,
            String nikIndex,
            List<String> rawValues,
            List<Problem> problems,
            RegisterReturneeRequest registration,
            String reviewDecision,
            String reviewedBy,
            String reviewReason,
            Instant reviewedAt) {}

    private HeldRow heldRow(ResultSet rs, int rowNum) throws SQLException {
        UUID uploadId = UUID.fromString(rs.getString("upload_id"));
        return new HeldRow(
                uploadId,
                rs.getLong("row_no"),
                rs.getString("province_code"),
                RowVerdict.Outcome.valueOf(rs.getString("outcome")),
                rs.getString("nik_index"),
                rawValues(uploadId, rs.getString("raw_values")),
                json.readValue(rs.getString("problems"), PROBLEMS),
                heldRegistration(uploadId, rs.getString("held_registration")),
                rs.getString("review_decision"),
                rs.getString("reviewed_by"),
                rs.getString("review_reason"),
                rs.getTimestamp("reviewed_at") == null
                        ? null
                        : rs.getTimestamp("reviewed_at").toInstant());
    }

    Optional<HeldRow> lockRow(UUID uploadId, long rowNumber) {
        return jdbc
                .query(
                        "SELECT r.*, u.province_code FROM upload_row r JOIN upload u ON u.upload_id = r.upload_id "
                                + "WHERE r.upload_id = ? AND r.row_no = ? FOR UPDATE",
                        this::heldRow,
                        uploadId.toString(),
                        rowNumber)
                .stream()
                .findFirst();
    }

    /** Rows still held for review in a province's uploads (or in one upload), oldest upload first. */
    List<HeldRow> pendingReviews(String provinceCode, UUID uploadId, int page, int size) {
        List<Object> args = new ArrayList<>(List.of(provinceCode));
        String where = pendingWhere(uploadId, args);
        args.add(size);
        args.add((long) page * size);
        return jdbc.query(
                "SELECT r.*, u.province_code FROM upload_row r JOIN upload u ON u.upload_id = r.upload_id " + where
                        + " ORDER BY u.received_at, r.upload_id, r.row_no LIMIT ? OFFSET ?",
                this::heldRow,
                args.toArray());
    }

    long countPendingReviews(String provinceCode, UUID uploadId) {
        List<Object> args = new ArrayList<>(List.of(provinceCode));
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM upload_row r JOIN upload u ON u.upload_id = r.upload_id "
                        + pendingWhere(uploadId, args),
                Long.class,
                args.toArray());
    }

    private static String pendingWhere(UUID uploadId, List<Object> args) {
        if (uploadId == null) {
            return "WHERE u.province_code = ? AND r.outcome = 'HELD_FOR_REVIEW'";
        }
        args.add(uploadId.toString());
        return "WHERE u.province_code = ? AND r.outcome = 'HELD_FOR_REVIEW' AND r.upload_id = ?";
    }

    void recordReview(
            UUID uploadId,
            long rowNumber,
            RowVerdict.Outcome outcome,
            UUID beneficiaryId,
            List<Problem> problems,
            String decision,
            String officer,
            String reason,
            Instant at) {
        jdbc.update(
                "UPDATE upload_row SET outcome = ?, beneficiary_id = ?, problems = ?, review_decision = ?, "
                        + "reviewed_by = ?, review_reason = ?, reviewed_at = ? WHERE upload_id = ? AND row_no = ?",
                outcome.name(),
                beneficiaryId == null ? null : beneficiaryId.toString(),
                json.writeValueAsString(problems),
                decision,
                officer,
                reason,
                Timestamp.from(at),
                uploadId.toString(),
                rowNumber);
    }

    /** A reviewed row moves from held to accepted or rejected; rows_read is unchanged, so the counts still add up. */
    void reviewed(UUID uploadId, RowVerdict.Outcome outcome, boolean registered) {
        jdbc.update(
                "UPDATE upload SET held = held - 1, accepted = accepted + ?, rejected = rejected + ?, registered = "
                        + "registered + ? WHERE upload_id = ?",
                outcome == RowVerdict.Outcome.ACCEPTED ? 1 : 0,
                outcome == RowVerdict.Outcome.REJECTED ? 1 : 0,
                registered ? 1 : 0,
                uploadId.toString());
    }

    List<String> headerNames(UUID uploadId) {
        String headers = jdbc.queryForObject(
                "SELECT header_names FROM upload WHERE upload_id = ?", String.class, uploadId.toString());
        return headers == null ? List.of() : json.readValue(headers, STRINGS);
    }

    /** Streams the rejected rows in file order: the error report never holds the whole file. */
    void eachRejectedRow(UUID uploadId, RejectedRowHandler handler) {
        jdbc.query(
                "SELECT row_no, raw_values, problems FROM upload_row WHERE upload_id = ? AND outcome = 'REJECTED' "
                        + "ORDER BY row_no",
                (RowCallbackHandler) rs -> handler.row(
                        rs.getLong(1), rawValues(uploadId, rs.getString(2)), json.readValue(rs.getString(3), PROBLEMS)),
                uploadId.toString());
    }

    /**
     * Uploads whose rows are all decided (processing finished, nothing held) since before the cutoff, the last review
     * counting as the last decision, and whose rows as uploaded are still kept.
     */
    List<UUID> decidedBefore(Instant cutoff) {
        return jdbc
                .queryForList(
                        "SELECT u.upload_id FROM upload u WHERE u.status IN ('COMPLETED', 'FAILED') AND u.held = 0 "
                                + "AND u.raw_rows_purged_at IS NULL AND COALESCE(GREATEST(u.completed_at, (SELECT "
                                + "MAX(r.reviewed_at) FROM upload_row r "
                                + "WHERE r.upload_id = u.upload_id)), u.completed_at, u.received_at) < ?",
                        String.class,
                        Timestamp.from(cutoff))
                .stream()
                .map(UUID::fromString)
                .toList();
    }

    /**
     * Clears up to {@code limit} rows' personal values (as uploaded, the NIK, a held registration); the outcome and
     * problems stay.
     */
    int purgeRawRows(UUID uploadId, int limit) {
        return jdbc.update(
                "UPDATE upload_row SET raw_values = NULL, nik_index = NULL, held_registration = NULL "
                        + "WHERE upload_id = ? AND (raw_values IS NOT NULL OR nik_index IS NOT NULL) LIMIT ?",
                uploadId.toString(),
                limit);
    }

    /** Forgets the rows as uploaded of one NIK, in every upload (an erased person's); the rows' outcomes stay. */
    public int purgeRawRowsOf(String nikIndex) {
        return jdbc.update(
                "UPDATE upload_row SET raw_values = NULL, nik_index = NULL, held_registration = NULL WHERE "
                        + "nik_index = ?",
                nikIndex);
    }

    /**
     * All of the upload's rows are purged: its key is destroyed too, so that no copy of them (a backup) can be read.
     */
    void rawRowsPurged(UUID uploadId, Instant at) {
        jdbc.update(
                "UPDATE upload SET raw_rows_purged_at = ? WHERE upload_id = ?",
                Timestamp.from(at),
                uploadId.toString());
        keys.erase(uploadId);
    }

    /** When the upload's rows as uploaded were purged; empty while they are kept. */
    Optional<Instant> rawRowsPurgedAt(UUID uploadId) {
        return jdbc
                .query(
                        "SELECT raw_rows_purged_at FROM upload WHERE upload_id = ? AND raw_rows_purged_at IS NOT NULL",
                        (rs, n) -> rs.getTimestamp(1).toInstant(),
                        uploadId.toString())
                .stream()
                .findFirst();
    }

    interface RejectedRowHandler {
        void row(long rowNumber, List<String> rawValues, List<Problem> problems);
    }
}
