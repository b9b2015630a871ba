package id.go.kemensos.returnee.messaging;

import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A schema version written in Java because it needs what SQL does not have (the platform's keys, to index or seal
 * existing rows). The code is the migration: its checksum is its version, and a changed conversion gets a new version,
 * never an edited one. It runs outside a transaction (MySQL and MariaDB commit each ALTER TABLE anyway), so it is
 * written to be run again after a cut-short run. A service declares it as a bean; Flyway runs it between the SQL files.
 */
public abstract class CodeMigration implements JavaMigration {

    private static final int BATCH = 1_000;

    private final int version;
    private final String description;

    protected CodeMigration(int version, String description) {
        this.version = version;
        this.description = description;
    }

    /** Changes the schema through the migration's own connection. */
    protected abstract void migrate(JdbcTemplate jdbc);

    @Override
    public final void migrate(Context context) {
        migrate(new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true)));
    }

    /** Runs one statement over many rows, a thousand at a time. */
    protected static void batched(JdbcTemplate jdbc, String update, List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            jdbc.batchUpdate(update, rows.subList(from, Math.min(rows.size(), from + BATCH)));
        }
    }

    @Override
    public final MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(String.valueOf(version));
    }

    @Override
    public final String getDescription() {
        return description;
    }

    @Override
    public final Integer getChecksum() {
        return version;
    }

    @Override
    public final boolean canExecuteInTransaction() {
        return false;
    }
}
