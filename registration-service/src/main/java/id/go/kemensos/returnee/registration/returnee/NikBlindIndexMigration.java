package id.go.kemensos.returnee.registration.returnee;

import id.go.kemensos.returnee.contracts.MaskedValues;
import id.go.kemensos.returnee.messaging.CodeMigration;
import id.go.kemensos.returnee.privacy.BlindIndex;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Version 7: the NIK is no longer stored. Each returnee keeps the NIK's blind index (unique: one registration per NIK)
 * and its masked form; an upload row keeps the index (duplicates within a file). Written in Java because the index
 * needs the platform's NIK index key, which SQL does not have. Existing rows are converted in place, then the NIK
 * columns dropped.
 */
@Component
class NikBlindIndexMigration extends CodeMigration {

    private final BlindIndex nikIndex;

    NikBlindIndexMigration(BlindIndex nikIndex) {
        super(7, "nik blind index");
        this.nikIndex = nikIndex;
    }

    @Override
    protected void migrate(JdbcTemplate jdbc) {
        jdbc.execute("ALTER TABLE returnee ADD COLUMN nik_index CHAR(64) NULL AFTER beneficiary_id, "
                + "ADD COLUMN nik_masked CHAR(16) NULL AFTER nik_index");
        List<Object[]> returnees = new ArrayList<>();
        jdbc.query("SELECT beneficiary_id, nik FROM returnee", rs -> {
            returnees.add(
                    new Object[] {nikIndex.of(rs.getString(2)), MaskedValues.nik(rs.getString(2)), rs.getString(1)});
        });
        batched(jdbc, "UPDATE returnee SET nik_index = ?, nik_masked = ? WHERE beneficiary_id = ?", returnees);
        jdbc.execute("ALTER TABLE returnee MODIFY nik_index CHAR(64) NOT NULL, MODIFY nik_masked CHAR(16) NOT NULL, "
                + "DROP INDEX ux_returnee_nik, DROP COLUMN nik, ADD UNIQUE KEY ux_returnee_nik_index (nik_index)");
        jdbc.execute("ALTER TABLE upload_row ADD COLUMN nik_index CHAR(64) NULL AFTER nik");
        List<Object[]> rows = new ArrayList<>();
        jdbc.query("SELECT upload_id, row_no, nik FROM upload_row WHERE nik IS NOT NULL", rs -> {
            rows.add(new Object[] {nikIndex.of(rs.getString(3)), rs.getString(1), rs.getLong(2)});
        });
        batched(jdbc, "UPDATE upload_row SET nik_index = ? WHERE upload_id = ? AND row_no = ?", rows);
        jdbc.execute("ALTER TABLE upload_row DROP INDEX ux_upload_row_nik, DROP COLUMN nik, "
                + "ADD UNIQUE KEY ux_upload_row_nik_index (upload_id, nik_index)");
    }
}
