package id.go.kemensos.returnee.infra.stack;

import id.go.kemensos.returnee.infra.mariadb.MariaDbServer;

/**
 * The database server under the stack, on 127.0.0.1:{@value id.go.kemensos.returnee.infra.mariadb.MariaDbServer#PORT}
 * with every schema and user of {@code mariadb/bootstrap.sql}: the project's own MariaDB process, or (tests on a
 * machine with a Docker engine) production's MySQL 8.4 in a container.
 */
public interface StackDatabase extends AutoCloseable {

    /** Starts it, or adopts one already listening, and creates what is missing of the schemas and users. */
    void start();

    /**
     * A Connector/J URL of the server itself, no schema chosen: for whoever connects with their own user (root in the
     * local stack) to read status, create schemas or check rights.
     */
    static String serverUrl() {
        return "jdbc:mysql://127.0.0.1:" + MariaDbServer.PORT + "/?connectionTimeZone=UTC";
    }

    /** A Connector/J URL of one schema on it ("" for none): the same port and settings whichever server it is. */
    default String jdbcUrl(String schema) {
        return "jdbc:mysql://127.0.0.1:" + MariaDbServer.PORT + "/" + schema
                + "?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true";
    }

    /** Keycloak's name for this kind of database (its {@code --db} build option and JDBC URL scheme). */
    String identityProviderVendor();

    @Override
    void close();
}
