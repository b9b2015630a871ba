package id.go.kemensos.returnee.testsupport.containers;

import id.go.kemensos.returnee.infra.mariadb.MariaDbServer;
import id.go.kemensos.returnee.infra.mariadb.SchemasAndUsers;
import id.go.kemensos.returnee.infra.stack.StackDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.testcontainers.containers.Network;
import org.testcontainers.mysql.MySQLContainer;

/**
 * Production's database, MySQL 8.4 as docker-compose runs it (its image and server arguments), published on the local
 * stack's port with the same schemas and users; root has no password, as on the local MariaDB.
 */
final class MySqlContainerDatabase implements StackDatabase {

    static final String NETWORK_ALIAS = "mysql";
    static final int CONTAINER_PORT = 3306;

    private final MySQLContainer container;

    MySqlContainerDatabase(ComposeFile compose, Network network) {
        List<String> arguments = new ArrayList<>(compose.mysqlServerArguments());
        // Six services, Keycloak and the binlog reader outgrow MySQL's default of 151, as on the local MariaDB.
        arguments.add("--max-connections=400");
        this.container = new MySQLContainer(compose.image("mysql"))
                .withUsername("root")
                .withPassword("")
                .withNetwork(network)
                .withNetworkAliases(NETWORK_ALIAS)
                .withCommand(arguments.toArray(String[]::new))
                .withCreateContainerCmdModifier(FixedHostPort.publish(MariaDbServer.PORT, CONTAINER_PORT))
                .withStartupTimeout(Duration.ofMinutes(3));
    }

    @Override
    public void start() {
        container.start();
        SchemasAndUsers.create(jdbcUrl(""), SchemasAndUsers.Server.MYSQL);
    }

    @Override
    public String identityProviderVendor() {
        return "mysql";
    }

    @Override
    public void close() {
        container.stop();
    }
}
