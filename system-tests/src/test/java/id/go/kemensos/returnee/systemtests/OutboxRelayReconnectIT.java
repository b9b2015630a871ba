package id.go.kemensos.returnee.systemtests;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.go.kemensos.returnee.testsupport.PlatformIntegrationTest;
import id.go.kemensos.returnee.testsupport.ReturneeMother;
import id.go.kemensos.returnee.testsupport.RunningPlatform;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The database drops the relay's binlog connections (a failover, an administrator's KILL): events keep flowing after
 * it.
 */
@PlatformIntegrationTest
class OutboxRelayReconnectIT {

    private static RunningPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = RunningPlatform.start();
    }

    @Test
    void eventsFlowAfterTheDatabaseKillsTheRelaysConnections() throws Exception {
        List<String> killed = killConnectionsOf("debezium");
        Map<String, Object> siti = ReturneeMother.sitiAminahLombokTengah();
        UUID beneficiary = platform.registration().register(siti);

        assertThat(killed)
                .as("the relay's connections: its connector's binlog reader among them")
                .anyMatch(command -> command.startsWith("Binlog Dump")); // "Binlog Dump GTID" on MySQL with GTIDs
        // The binlog client notices the dropped connection on its keep-alive (connect.keep.alive.interval.ms, 5 s).
        await().atMost(ofSeconds(40)).untilAsserted(() -> {
            assertThat(platform.database()
                            .rows(
                                    "SELECT state FROM disbursement.payment_intent WHERE beneficiary_id = ?",
                                    beneficiary))
                    .singleElement()
                    .satisfies(p -> assertThat(p).containsEntry("state", "SETTLED"));
            assertThat(platform.stack().sms().messagesTo(ReturneeMother.phoneE164(siti)))
                    .as("registered, entitled to support (their case), eligible, paid")
                    .hasSize(4);
        });
        assertThat(platform.stack().connect().states())
                .as("every connector and task still running, none failed")
                .allSatisfy((connector, state) -> assertThat(state).isEqualTo("RUNNING"));
    }

    /** Kills every connection of the user; gives each one's command (what it was doing). */
    private static List<String> killConnectionsOf(String user) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:3307/", "root", "");
                Statement s = c.createStatement()) {
            List<Long> ids = new ArrayList<>();
            List<String> commands = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(
                    "SELECT id, command FROM information_schema.PROCESSLIST WHERE user = '" + user + "'")) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                    commands.add(rs.getString(2));
                }
            }
            for (long id : ids) {
                s.execute("KILL CONNECTION " + id);
            }
            return commands;
        }
    }
}
