package id.go.kemensos.returnee.registration.assignment;

import id.go.kemensos.returnee.contracts.casework.CaseOpened;
import id.go.kemensos.returnee.contracts.casework.CaseReassigned;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The only code that touches {@code case_assignment}: the case worker who follows each person with a case, from
 * case-service's events. A case worker reads the registration of their own cases' people only (need to know).
 */
@Repository
public class CaseAssignments {

    static final String CONSUMER = "registration-cases";

    private final JdbcTemplate jdbc;

    CaseAssignments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A case opened with a case worker; one without (no case worker for the area yet) assigns nobody. */
    void onCaseOpened(CaseOpened opened) {
        if (opened.caseWorker() != null) {
            assign(opened.beneficiaryId(), opened.caseWorker(), opened.openedAt());
        }
    }

    /** A case handed over: the former case worker no longer reads the person's registration, the new one does. */
    void onCaseReassigned(CaseReassigned reassigned) {
        assign(reassigned.beneficiaryId(), reassigned.toCaseWorker(), reassigned.reassignedAt());
    }

    private void assign(UUID beneficiaryId, String caseWorker, Instant at) {
        jdbc.update(
                // Only a later assignment replaces one (case_worker is set before assigned_at moves on).
                "INSERT INTO case_assignment (beneficiary_id, case_worker, assigned_at) VALUES (?, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE"
                        + " case_worker = IF(VALUES(assigned_at) >= assigned_at, VALUES(case_worker), case_worker),"
                        + " assigned_at = GREATEST(assigned_at, VALUES(assigned_at))",
                beneficiaryId.toString(),
                caseWorker,
                Timestamp.from(at));
    }

    public boolean follows(String caseWorker, UUID beneficiaryId) {
        Integer rows = jdbc.queryForObject(
                "SELECT COUNT(*) FROM case_assignment WHERE beneficiary_id = ? AND case_worker = ?",
                Integer.class,
                beneficiaryId.toString(),
                caseWorker);
        return rows != null && rows > 0;
    }
}
