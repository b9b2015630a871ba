package id.go.kemensos.returnee.registration.returnee;

import id.go.kemensos.returnee.contracts.registration.BankAccount;
import id.go.kemensos.returnee.contracts.registration.ReturneeCategory;
import id.go.kemensos.returnee.contracts.registration.Sex;
import id.go.kemensos.returnee.registration.progress.ReturneeStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

@Repository
class ReturneeRepository {

    private static final RowMapper<Returnee> ROW = (rs, n) -> new Returnee(
            UUID.fromString(rs.getString("beneficiary_id")), rs.getString("nik_index"), rs.getString("nik_masked"), rs.getString("full_name"),
            Sex.valueOf(rs.getString("sex")), rs.getDate("birth_date").toLocalDate(), rs.getString("province_code"),
            rs.getString("regency_code"), ReturneeCategory.valueOf(rs.getString("category")), rs.getString("referral_source"),
            rs.getString("destination_country"), rs.getDate("return_date").toLocalDate(), rs.getString("phone_e164"),
            new BankAccount(rs.getString("bank_code"), rs.getString("account_number"), rs.getString("account_holder_name")),
            rs.getBoolean("dtks_listed"), rs.getBoolean("attended_guidance"),
            rs.getString("upload_id") == null ? null : UUID.fromString(rs.getString("upload_id")),
            rs.getTimestamp("registered_at").toInstant(), ReturneeStatus.valueOf(rs.getString("status")));

    private final JdbcTemplate jdbc;

    ReturneeRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Returnee> findByNikIndex(String nikIndex) {
        return first(jdbc.query("SELECT * FROM returnee WHERE nik_index = ?", ROW, nikIndex));
    }

    Optional<Returnee> findById(UUID beneficiaryId) {
        return first(jdbc.query("SELECT * FROM returnee WHERE beneficiary_id = ?", ROW, beneficiaryId.toString()));
    }

    Optional<Returnee> findById(UUID beneficiaryId, String provinceCode) {
        return first(jdbc.query("SELECT * FROM returnee WHERE beneficiary_id = ? AND (? IS NULL OR province_code = ?)", ROW,
                beneficiaryId.toString(), provinceCode, provinceCode));
    }

    private static final String INSERT = """
            INSERT INTO returnee (beneficiary_id, nik_index, nik_masked, full_name, sex, birth_date, province_code, regency_code, category,
                referral_source, destination_country, return_date, phone_e164, bank_code, account_number,
                account_holder_name, dtks_listed, attended_guidance, upload_id, registered_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    void insert(Returnee r) {
        jdbc.update(INSERT, columns(r));
    }

    /** One batched statement for a whole upload batch; a NIK that is already there fails all of it (DuplicateKeyException). */
    void insertAll(List<Returnee> batch) {
        if (!batch.isEmpty()) {
            jdbc.batchUpdate(INSERT, batch.stream().map(ReturneeRepository::columns).toList());
        }
    }

    /** The returnees registered under any of these NIK indexes, by index. */
    Map<String, Returnee> findByNikIndexes(Collection<String> nikIndexes) {
        if (nikIndexes.isEmpty()) {
            return Map.of();
        }
        String marks = String.join(", ", Collections.nCopies(nikIndexes.size(), "?"));
        return jdbc.query("SELECT * FROM returnee WHERE nik_index IN (" + marks + ")", ROW, nikIndexes.toArray()).stream()
                .collect(Collectors.toMap(Returnee::nikIndex, r -> r));
    }

    private static Object[] columns(Returnee r) {
        return new Object[]{r.beneficiaryId().toString(), r.nikIndex(), r.nikMasked(), r.fullName(), r.sex().name(), Date.valueOf(r.birthDate()),
                r.provinceCode(), r.regencyCode(), r.category().name(), r.referralSource(), r.destinationCountry(),
                Date.valueOf(r.returnDate()), r.phoneE164(), r.bankAccount().bankCode(), r.bankAccount().accountNumber(),
                r.bankAccount().holderName(), r.dtksListed(), r.attendedSocialGuidance(),
                r.uploadId() == null ? null : r.uploadId().toString(), Timestamp.from(r.registeredAt())};
    }

    /** Returnees matching the filters that are given (null = any), newest first, one page at a time. */
    List<Returnee> search(ReturneeFilter filter, int page, int size) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        args.add(size);
        args.add((long) page * size);
        return jdbc.query("SELECT * FROM returnee" + where + " ORDER BY registered_at DESC, beneficiary_id LIMIT ? OFFSET ?", ROW, args.toArray());
    }

    long count(ReturneeFilter filter) {
        List<Object> args = new ArrayList<>();
        return jdbc.queryForObject("SELECT COUNT(*) FROM returnee" + where(filter, args), Long.class, args.toArray());
    }

    private static String where(ReturneeFilter filter, List<Object> args) {
        List<String> conditions = new ArrayList<>();
        if (filter.provinceCode() != null) {
            conditions.add("province_code = ?");
            args.add(filter.provinceCode());
        }
        if (filter.regencyCode() != null) {
            conditions.add("regency_code = ?");
            args.add(filter.regencyCode());
        }
        if (filter.status() != null) {
            conditions.add("status = ?");
            args.add(filter.status().name());
        }
        if (filter.uploadId() != null) {
            conditions.add("upload_id = ?");
            args.add(filter.uploadId().toString());
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    void updateContactAndAccount(UUID beneficiaryId, String phoneE164, BankAccount account) {
        jdbc.update("UPDATE returnee SET phone_e164 = ?, bank_code = ?, account_number = ?, account_holder_name = ? WHERE beneficiary_id = ?",
                phoneE164, account.bankCode(), account.accountNumber(), account.holderName(), beneficiaryId.toString());
    }

    private static <T> Optional<T> first(List<T> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }
}
