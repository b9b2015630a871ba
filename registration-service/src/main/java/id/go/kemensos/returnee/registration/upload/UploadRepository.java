package id.go.kemensos.returnee.registration.upload;

import id.go.kemensos.returnee.registration.validation.Problem;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

@Repository
class UploadRepository {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final RowMapper<UploadStatus> status;

    UploadRepository(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.status = (rs, n) -> new UploadStatus(UUID.fromString(rs.getString("upload_id")), rs.getString("province_code"),
                rs.getString("file_name"), rs.getString("status"), rs.getLong("rows_read"),
                rs.getObject("rows_total_hint") == null ? null : rs.getLong("rows_total_hint"), rs.getLong("accepted"),
                rs.getLong("rejected"), rs.getLong("held"), rs.getLong("registered"),
                rs.getString("unknown_columns") == null ? List.of() : json.readValue(rs.getString("unknown_columns"), STRINGS),
                rs.getString("failure"), rs.getTimestamp("received_at").toInstant(),
                rs.getTimestamp("completed_at") == null ? null : rs.getTimestamp("completed_at").toInstant());
    }

    Optional<UploadStatus> find(UUID uploadId) {
        return jdbc.query("SELECT * FROM upload WHERE upload_id = ?", status, uploadId.toString()).stream().findFirst();
    }

    Optional<UploadStatus> findByContent(String sha256) {
        return jdbc.query("SELECT * FROM upload WHERE content_sha256 = ?", status, sha256).stream().findFirst();
    }

    /** @return false when an upload with the same content exists already (a concurrent duplicate upload lost the race) */
    boolean insert(UUID uploadId, String province, String fileName, String sha256, Instant receivedAt) {
        return jdbc.update("""
                INSERT IGNORE INTO upload (upload_id, province_code, file_name, content_sha256, status, received_at)
                VALUES (?, ?, ?, ?, 'RECEIVED', ?)""", uploadId.toString(), province, fileName, sha256, Timestamp.from(receivedAt)) == 1;
    }

    void started(UUID uploadId, String format, List<String> headers, List<String> unknownColumns, OptionalLong totalRows) {
        jdbc.update("UPDATE upload SET status = 'PROCESSING', format = ?, header_names = ?, unknown_columns = ?, rows_total_hint = ? "
                        + "WHERE upload_id = ?", format, json.writeValueAsString(headers), json.writeValueAsString(unknownColumns),
                totalRows.isPresent() ? totalRows.getAsLong() : null, uploadId.toString());
    }

    void progressed(UUID uploadId, long rowsRead, long accepted, long rejected, long held, long registered) {
        jdbc.update("UPDATE upload SET rows_read = ?, accepted = accepted + ?, rejected = rejected + ?, held = held + ?, "
                + "registered = registered + ? WHERE upload_id = ?", rowsRead, accepted, rejected, held, registered, uploadId.toString());
    }

    void finished(UUID uploadId, String status, String failure, Instant at) {
        jdbc.update("UPDATE upload SET status = ?, failure = ?, completed_at = ? WHERE upload_id = ?", status, failure,
                Timestamp.from(at), uploadId.toString());
    }

    long lastRecordedRow(UUID uploadId) {
        Long last = jdbc.queryForObject("SELECT MAX(row_no) FROM upload_row WHERE upload_id = ?", Long.class, uploadId.toString());
        return last == null ? 0 : last;
    }

    List<UploadStatus> unfinished() {
        return jdbc.query("SELECT * FROM upload WHERE status IN ('RECEIVED', 'PROCESSING') ORDER BY received_at", status);
    }

    OptionalLong rowOfNik(UUID uploadId, String nik) {
        List<Long> rows = jdbc.queryForList("SELECT row_no FROM upload_row WHERE upload_id = ? AND nik = ?", Long.class,
                uploadId.toString(), nik);
        return rows.isEmpty() ? OptionalLong.empty() : OptionalLong.of(rows.get(0));
    }

    void insertRows(List<Object[]> rows) {
        jdbc.batchUpdate("INSERT INTO upload_row (upload_id, row_no, outcome, nik, beneficiary_id, raw_values, problems) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", rows);
    }

    Object[] row(UUID uploadId, long rowNumber, RowVerdict.Outcome outcome, String nik, UUID beneficiaryId, List<String> raw,
                 List<Problem> problems) {
        return new Object[]{uploadId.toString(), rowNumber, outcome.name(), nik, beneficiaryId == null ? null : beneficiaryId.toString(),
                json.writeValueAsString(raw), json.writeValueAsString(problems)};
    }

    List<String> headerNames(UUID uploadId) {
        String headers = jdbc.queryForObject("SELECT header_names FROM upload WHERE upload_id = ?", String.class, uploadId.toString());
        return headers == null ? List.of() : json.readValue(headers, STRINGS);
    }

    /** Streams the rejected rows in file order: the error report never holds the whole file. */
    void eachRejectedRow(UUID uploadId, RejectedRowHandler handler) {
        jdbc.query("SELECT row_no, raw_values, problems FROM upload_row WHERE upload_id = ? AND outcome = 'REJECTED' "
                + "ORDER BY row_no", (RowCallbackHandler) rs -> handler.row(rs.getLong(1), json.readValue(rs.getString(2), STRINGS),
                json.readValue(rs.getString(3), new TypeReference<List<Problem>>() {
                })), uploadId.toString());
    }

    interface RejectedRowHandler {
        void row(long rowNumber, List<String> rawValues, List<Problem> problems);
    }
}
