package id.go.kemensos.returnee.disbursement.payment;

import id.go.kemensos.returnee.contracts.casework.GrantDeclined;
import java.sql.Timestamp;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The only code that touches {@code declined_grant}: the grants people declined, which are never paid to them. */
@Repository
public class DeclinedGrants {

    private final JdbcTemplate jdbc;

    DeclinedGrants(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a decline; a redelivered one (or a second answer for the program) changes nothing. */
    public void record(GrantDeclined declined) {
        jdbc.update(
                "INSERT IGNORE INTO declined_grant (beneficiary_id, program_id, offer_id, decision_id, decline_reason,"
                        + " declined_at) VALUES (?, ?, ?, ?, ?, ?)",
                declined.beneficiaryId().toString(),
                declined.programId(),
                declined.offerId().toString(),
                declined.decisionId() == null ? null : declined.decisionId().toString(),
                declined.declineReason().name(),
                Timestamp.from(declined.declinedAt()));
    }

    public boolean isDeclined(UUID beneficiaryId, String programId) {
        Integer rows = jdbc.queryForObject(
                "SELECT COUNT(*) FROM declined_grant WHERE beneficiary_id = ? AND program_id = ?",
                Integer.class,
                beneficiaryId.toString(),
                programId);
        return rows != null && rows > 0;
    }
}
