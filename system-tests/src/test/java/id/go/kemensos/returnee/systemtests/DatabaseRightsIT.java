package id.go.kemensos.returnee.systemtests;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kemensos.returnee.infra.stack.StackDatabase;
import id.go.kemensos.returnee.testsupport.PlatformIntegrationTest;
import id.go.kemensos.returnee.testsupport.RunningPlatform;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What each database account may do, as the database itself enforces it: a service reads and writes the data of its own
 * schema and changes no table; the audit service appends to the ledger and can neither update nor delete it; the CDC
 * user reads the outboxes and no table of personal data.
 */
@PlatformIntegrationTest
class DatabaseRightsIT {

    @BeforeAll
    static void startPlatform() {
        RunningPlatform.start(); // the services' migrations have run and granted their table rights
    }

    private static Connection as(String user, String password) throws SQLException {
        return DriverManager.getConnection(StackDatabase.serverUrl(), user, password);
    }

    private static void refused(Connection c, String sql) {
        assertThatThrownBy(() -> {
                    try (Statement s = c.createStatement()) {
                        s.execute(sql);
                    }
                })
                .as(sql)
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("denied");
    }

    private static void allowed(Connection c, String sql) {
        assertThatCode(() -> {
                    try (Statement s = c.createStatement()) {
                        s.execute(sql);
                    }
                })
                .as(sql)
                .doesNotThrowAnyException();
    }

    @Test
    void theAuditLedgerIsAppendOnlyForTheAuditService() throws SQLException {
        try (Connection audit = as("audit", "audit-local")) {
            allowed(audit, "SELECT COUNT(*) FROM audit.audit_entry");
            refused(audit, "DELETE FROM audit.audit_entry WHERE seq = 1");
            refused(audit, "UPDATE audit.audit_entry SET data = data WHERE seq = 1");
            refused(audit, "TRUNCATE TABLE audit.audit_entry");
            refused(audit, "DROP TABLE audit.audit_entry");
            allowed(audit, "SELECT COUNT(*) FROM audit.audit_chain_head");
        }
    }

    @Test
    void aServiceChangesTheDataOfItsOwnSchemaAndNoTable() throws SQLException {
        try (Connection registration = as("registration", "registration-local")) {
            allowed(registration, "SELECT COUNT(*) FROM registration.returnee");
            refused(registration, "ALTER TABLE registration.returnee ADD COLUMN x INT");
            refused(registration, "DROP TABLE registration.outbox_event");
            refused(registration, "SELECT COUNT(*) FROM disbursement.payment_intent");
        }
        try (Connection migrator = as("registration_migrator", "registration-migrator-local")) {
            allowed(migrator, "SELECT COUNT(*) FROM registration.flyway_schema_history");
            refused(migrator, "SELECT COUNT(*) FROM eligibility.flyway_schema_history");
        }
    }

    @Test
    void theCdcUserReadsTheOutboxesAndNoPersonalData() throws SQLException {
        try (Connection cdc = as("debezium", "debezium-local")) {
            for (String schema :
                    new String[] {"registration", "eligibility", "disbursement", "notification", "audit", "casework"}) {
                allowed(cdc, "SELECT COUNT(*) FROM " + schema + ".outbox_event");
            }
            refused(cdc, "SELECT COUNT(*) FROM registration.returnee");
            refused(cdc, "SELECT COUNT(*) FROM disbursement.payee");
            refused(cdc, "SELECT COUNT(*) FROM notification.contact");
        }
    }
}
