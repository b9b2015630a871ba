package id.go.kemensos.returnee.audit.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLSyntaxErrorException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.BadSqlGrammarException;

class AuditCommandTest {

    @Test
    void aMissingLedgerTableIsExplainedWithWhatToDo() {
        BadSqlGrammarException e = new BadSqlGrammarException(
                "verify",
                "SELECT * FROM audit_entry",
                new SQLSyntaxErrorException("Table 'audit.audit_entry' doesn't exist", "42S02", 1146));

        assertThat(AuditCommand.reason(e))
                .startsWith("Table 'audit.audit_entry' doesn't exist. This database has no audit ledger")
                .contains("SPRING_DATASOURCE_URL");
    }

    @Test
    void otherFailuresSayWhatFailedAndTheInnermostReason() {
        IllegalStateException e = new IllegalStateException(
                "Cannot read the event topics' configuration from Kafka",
                new RuntimeException("wrapper", new java.net.ConnectException("Connection refused")));

        assertThat(AuditCommand.reason(e))
                .isEqualTo("Cannot read the event topics' configuration from Kafka: Connection refused");
        assertThat(AuditCommand.reason(new IllegalStateException(
                        "Cannot reach the live report: Connection refused",
                        new java.net.ConnectException("Connection refused"))))
                .isEqualTo("Cannot reach the live report: Connection refused");
    }
}
