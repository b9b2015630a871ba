package id.go.kemensos.returnee.registration.returnee;

import com.google.crypto.tink.Aead;
import id.go.kemensos.returnee.contracts.registration.AgeBand;
import id.go.kemensos.returnee.contracts.registration.PersonalDetails;
import id.go.kemensos.returnee.contracts.registration.Sex;
import id.go.kemensos.returnee.messaging.CommitBatch;
import id.go.kemensos.returnee.privacy.PersonKeys;
import id.go.kemensos.returnee.privacy.PersonalDataCipher;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The returnee table. Personal fields are kept in one column, {@code personal_data}, sealed with the person's own data
 * key (platform-privacy); everything else (region, dates, flags) is what reports and filters need and identifies nobody
 * alone.
 */
@Repository
public class ReturneeRepository {

    private static final Logger log = LoggerFactory.getLogger(ReturneeRepository.class);

    /** A row as stored, before its personal fields are opened. */
    private record Stored(Returnee returnee, String sealed) {}

    private static final RowMapper<Stored> ROW = (rs, n) -> {
        Timestamp erasedAt = rs.getTimestamp("erased_at");
        return new Stored(
                new Returnee(
                        UUID.fromString(rs.getString("beneficiary_id")),
                        rs.getString("nik_index"),
                        null,
                        Sex.valueOf(rs.getString("sex")),
                        rs.getString("province_code"),
                        rs.getString("regency_code"),
                        rs.getString("destination_country"),
                        rs.getDate("return_date").toLocalDate(),
                        rs.getBoolean("dtks_listed"),
                        rs.getObject("dtsen_decile", Integer.class),
                        rs.getBoolean("attended_guidance"),
                        rs.getString("upload_id") == null ? null : UUID.fromString(rs.getString("upload_id")),
                        rs.getTimestamp("registered_at").toInstant(),
                        ReturneeStatus.valueOf(rs.getString("status")),
                        erasedAt == null
                                ? null
                                : new Returnee.Erasure(erasedAt.toInstant(), rs.getString("erased_by"))),
                rs.getString("personal_data"));
    };

    private static final String INSERT = """
            INSERT INTO returnee (beneficiary_id, nik_index, personal_data, name_tokens, sex, age_band, province_code,
                regency_code, destination_country, return_date, dtks_listed, dtsen_decile, attended_guidance, upload_id,
                registered_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /** Ages are counted on the ministry's day of registration. */
    private static final java.time.ZoneId REPORT_ZONE = java.time.ZoneId.of("Asia/Jakarta");

    private final JdbcTemplate jdbc;
    private final PersonalDataCipher cipher;
    private final PersonKeys keys;
    private final ReturneeNames names;
    /** The progress a consumer's transaction has read, written when it commits. */
    private final CommitBatch<ProgressUpdate> progressUpdates = new CommitBatch<>(this::writeProgress);

    ReturneeRepository(JdbcTemplate jdbc, PersonalDataCipher cipher, PersonKeys keys, ReturneeNames names) {
        this.jdbc = jdbc;
        this.names = names;
        this.cipher = cipher;
        this.keys = keys;
    }

    Optional<Returnee> findByNikIndex(String nikIndex) {
        return first(read("SELECT * FROM returnee WHERE nik_index = ?", nikIndex));
    }

    Optional<Returnee> findById(UUID beneficiaryId) {
        return first(read("SELECT * FROM returnee WHERE beneficiary_id = ?", beneficiaryId.toString()));
    }

    Optional<Returnee> findById(UUID beneficiaryId, String provinceCode) {
        return first(read(
                "SELECT * FROM returnee WHERE beneficiary_id = ? AND (? IS NULL OR province_code = ?)",
                beneficiaryId.toString(),
                provinceCode,
                provinceCode));
    }

    /**
     * Inserts a new returnee, sealing their details with a key created for them; returns the sealed details for the
     * event. A NIK already registered fails (DuplicateKeyException) and the unused key is destroyed at once.
     */
    String insert(Returnee r) {
        Aead key = keys.createAll(List.of(r.beneficiaryId())).get(r.beneficiaryId());
        String sealed = cipher.sealRecord(key, r.beneficiaryId(), PersonalDataCipher.DETAILS, r.details());
        try {
            jdbc.update(INSERT, columns(r, sealed, names.tokens(r.details().fullName())));
        } catch (DuplicateKeyException alreadyRegistered) {
            keys.erase(r.beneficiaryId());
            throw alreadyRegistered;
        }
        return sealed;
    }

    /**
     * One batched statement for a whole upload batch, their keys created in one write; a NIK that is already there
     * fails all of it (DuplicateKeyException), keys included, as the caller's savepoint undoes both. Returns each one's
     * sealed details.
     */
    Map<UUID, String> insertAll(List<Returnee> batch) {
        if (batch.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Aead> created =
                keys.createAll(batch.stream().map(Returnee::beneficiaryId).toList());
        Map<UUID, String> sealed = batch.stream()
                .collect(Collectors.toMap(
                        Returnee::beneficiaryId,
                        r -> cipher.sealRecord(
                                created.get(r.beneficiaryId()),
                                r.beneficiaryId(),
                                PersonalDataCipher.DETAILS,
                                r.details())));
        jdbc.batchUpdate(
                INSERT,
                batch.stream()
                        .map(r -> columns(
                                r,
                                sealed.get(r.beneficiaryId()),
                                names.tokens(r.details().fullName())))
                        .toList());
        return sealed;
    }

    /** The returnees registered under any of these NIK indexes, by index. */
    Map<String, Returnee> findByNikIndexes(Collection<String> nikIndexes) {
        if (nikIndexes.isEmpty()) {
            return Map.of();
        }
        String marks = String.join(", ", Collections.nCopies(nikIndexes.size(), "?"));
        return read("SELECT * FROM returnee WHERE nik_index IN (" + marks + ")", nikIndexes.toArray()).stream()
                .collect(Collectors.toMap(Returnee::nikIndex, r -> r));
    }

    private static Object[] columns(Returnee r, String sealedDetails, String nameTokens) {
        return new Object[] {
            r.beneficiaryId().toString(),
            r.nikIndex(),
            sealedDetails,
            nameTokens,
            r.sex().name(),
            AgeBand.of(r.birthDate(), LocalDate.ofInstant(r.registeredAt(), REPORT_ZONE))
                    .name(),
            r.provinceCode(),
            r.regencyCode(),
            r.destinationCountry(),
            Date.valueOf(r.returnDate()),
            r.dtksListed(),
            r.dtsenDecile(),
            r.attendedSocialGuidance(),
            r.uploadId() == null ? null : r.uploadId().toString(),
            Timestamp.from(r.registeredAt())
        };
    }

    /** Returnees matching the filters that are given (null = any), newest first, one page at a time. */
    List<Returnee> search(ReturneeFilter filter, int page, int size) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        args.add(size);
        args.add((long) page * size);
        return read(
                "SELECT * FROM returnee" + where + " ORDER BY registered_at DESC, beneficiary_id LIMIT ? OFFSET ?",
                args.toArray());
    }

    /**
     * Returnees matching the filters whose name has every word given, newest first, at most {@code limit}: the rows
     * holding every word's token are read (a token is shared by many words), then only those whose opened name has the
     * words kept.
     */
    List<Returnee> searchByName(ReturneeFilter filter, List<String> words, int limit) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(where(filter, args));
        for (String token : names.queryTokens(words)) {
            where.append(where.isEmpty() ? " WHERE " : " AND ").append("CONCAT(' ', name_tokens, ' ') LIKE ?");
            args.add("% " + token + " %");
        }
        args.add(limit * 4); // room for candidates that share the tokens through other words and are dropped below
        return read(
                        "SELECT * FROM returnee" + where + " ORDER BY registered_at DESC, beneficiary_id LIMIT ?",
                        args.toArray())
                .stream()
                .filter(r ->
                        r.details() != null && ReturneeNames.matches(r.details().fullName(), words))
                .limit(limit)
                .toList();
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

    /** Stores the person's details as amended; returns them sealed, for the event. */
    void updateDtsenDecile(UUID beneficiaryId, Integer decile) {
        jdbc.update("UPDATE returnee SET dtsen_decile = ? WHERE beneficiary_id = ?", decile, beneficiaryId.toString());
    }

    String updateDetails(UUID beneficiaryId, PersonalDetails details) {
        String sealed = cipher.seal(beneficiaryId, details);
        jdbc.update("UPDATE returnee SET personal_data = ? WHERE beneficiary_id = ?", sealed, beneficiaryId.toString());
        return sealed;
    }

    /**
     * Marks the person erased (their key is destroyed by the caller): the sealed details and the NIK index go, so that
     * the same NIK registers as a new person; region, dates and status stay for the counts that state audit needs.
     */
    boolean markErased(UUID beneficiaryId, Instant erasedAt, String erasedBy, String ground, String reason) {
        return jdbc.update(
                        "UPDATE returnee SET personal_data = NULL, nik_index = NULL, name_tokens = NULL, erased_at "
                                + "= ?, erased_by = ?, "
                                + "erasure_ground = ?, "
                                + "erasure_reason = ? WHERE beneficiary_id = ? AND erased_at IS NULL",
                        Timestamp.from(erasedAt),
                        erasedBy,
                        ground,
                        reason,
                        beneficiaryId.toString())
                == 1;
    }

    /**
     * Registered people (erased ones too: they were registered) by province and regency; one province, or all when
     * null.
     */
    List<RegencyCount> countByRegency(String provinceCode) {
        String where = provinceCode == null ? "" : " WHERE province_code = ?";
        Object[] args = provinceCode == null ? new Object[0] : new Object[] {provinceCode};
        return jdbc.query(
                "SELECT province_code, regency_code, COUNT(*) AS returnees FROM returnee" + where
                        + " GROUP BY province_code, regency_code ORDER BY province_code, regency_code",
                (rs, n) -> new RegencyCount(
                        rs.getString("province_code"), rs.getString("regency_code"), rs.getLong("returnees")),
                args);
    }

    /** How many people a regency has registered: no one's data, only a count. */
    record RegencyCount(String provinceCode, String regencyCode, long returnees) {}

    /**
     * People of a regency, sex and age band (UNKNOWN for those registered before bands were kept): registered, found
     * eligible (every status past a decision to pay: scheduled, paid, cancelled by the person...), and paid.
     */
    record ReachCount(
            String provinceCode,
            String regencyCode,
            String sex,
            String ageBand,
            long registered,
            long eligible,
            long paid) {}

    List<ReachCount> reach(String provinceCode) {
        String where = provinceCode == null ? "" : " WHERE province_code = ?";
        Object[] args = provinceCode == null ? new Object[0] : new Object[] {provinceCode};
        return jdbc.query(
                "SELECT province_code, regency_code, sex, COALESCE(age_band, 'UNKNOWN') AS band, COUNT(*) AS registered,"
                        + " SUM(status NOT IN " + NOT_YET_ELIGIBLE + ") AS eligible,"
                        + " SUM(status = 'PAID') AS paid FROM returnee" + where
                        + " GROUP BY province_code, regency_code, sex, band ORDER BY province_code, regency_code, sex,"
                        + " band",
                (rs, n) -> new ReachCount(
                        rs.getString("province_code"),
                        rs.getString("regency_code"),
                        rs.getString("sex"),
                        rs.getString("band"),
                        rs.getLong("registered"),
                        rs.getLong("eligible"),
                        rs.getLong("paid")),
                args);
    }

    /** The statuses of someone not (or not yet) found eligible; every other status came after a decision to pay. */
    private static final String NOT_YET_ELIGIBLE = "('REGISTERED', 'INELIGIBLE', 'NEEDS_REVIEW')";

    private static final int REACH_PAGE = 1_000;

    /**
     * As {@link ReachCount}, also by the returnee category and the trafficking status (UNKNOWN for an erased person):
     * counts about victims, for protection officers alone.
     */
    record CategoryReach(
            String provinceCode,
            String regencyCode,
            String sex,
            String ageBand,
            String category,
            String traffickingStatus,
            long registered,
            long eligible,
            long paid) {}

    private record CategoryCell(
            String regencyCode, String sex, String ageBand, String category, String traffickingStatus) {}

    /**
     * Reach by category and trafficking status in one province. Both are sealed with each person's key (nowhere in
     * clear), so every person of the province is opened: a page at a time in the region index's order, each page's
     * keys read in one go.
     */
    List<CategoryReach> reachByCategory(String provinceCode) {
        Map<CategoryCell, long[]> tally = new TreeMap<>(Comparator.comparing(CategoryCell::regencyCode)
                .thenComparing(CategoryCell::sex)
                .thenComparing(CategoryCell::ageBand)
                .thenComparing(CategoryCell::category)
                .thenComparing(CategoryCell::traffickingStatus));
        String regency = "";
        String after = "";
        int unreadableRows = 0;
        List<ReachRow> page;
        do {
            page = jdbc.query(
                    "SELECT beneficiary_id, province_code, regency_code, sex, COALESCE(age_band, 'UNKNOWN') AS band,"
                            + " status NOT IN " + NOT_YET_ELIGIBLE + " AS eligible, status = 'PAID' AS paid,"
                            + " personal_data FROM returnee WHERE province_code = ? AND (regency_code > ? OR"
                            + " (regency_code = ? AND beneficiary_id > ?))"
                            + " ORDER BY regency_code, beneficiary_id LIMIT " + REACH_PAGE,
                    (rs, n) -> new ReachRow(
                            UUID.fromString(rs.getString("beneficiary_id")),
                            rs.getString("regency_code"),
                            rs.getString("sex"),
                            rs.getString("band"),
                            rs.getBoolean("eligible"),
                            rs.getBoolean("paid"),
                            rs.getString("personal_data")),
                    provinceCode,
                    regency,
                    regency,
                    after);
            if (page.isEmpty()) {
                break;
            }
            keys.load(page.stream().map(ReachRow::beneficiaryId).toList());
            for (ReachRow row : page) {
                Optional<PersonalDetails> details = Optional.empty();
                try {
                    if (row.sealed() != null) {
                        details = cipher.open(row.beneficiaryId(), row.sealed());
                    }
                } catch (RuntimeException unreadable) {
                    unreadableRows++; // counted as UNKNOWN; said once, below
                }
                long[] counts = tally.computeIfAbsent(
                        new CategoryCell(
                                row.regencyCode(),
                                row.sex(),
                                row.ageBand(),
                                details.map(PersonalDetails::category)
                                        .map(Enum::name)
                                        .orElse("UNKNOWN"),
                                details.map(d -> d.traffickingStatusOrImplied().name())
                                        .orElse("UNKNOWN")),
                        cell -> new long[3]);
                counts[0]++;
                counts[1] += row.eligible() ? 1 : 0;
                counts[2] += row.paid() ? 1 : 0;
            }
            ReachRow last = page.get(page.size() - 1);
            regency = last.regencyCode();
            after = last.beneficiaryId().toString();
        } while (page.size() == REACH_PAGE);
        if (unreadableRows > 0) {
            log.warn(
                    "{} people's details could not be opened for the report by category: counted as UNKNOWN",
                    unreadableRows);
        }
        return tally.entrySet().stream()
                .map(e -> new CategoryReach(
                        provinceCode,
                        e.getKey().regencyCode(),
                        e.getKey().sex(),
                        e.getKey().ageBand(),
                        e.getKey().category(),
                        e.getKey().traffickingStatus(),
                        e.getValue()[0],
                        e.getValue()[1],
                        e.getValue()[2]))
                .toList();
    }

    private record ReachRow(
            UUID beneficiaryId,
            String regencyCode,
            String sex,
            String ageBand,
            boolean eligible,
            boolean paid,
            String sealed) {}

    /** Reads rows, then the people's keys in one go, then opens each one's details (null when erased). */
    private List<Returnee> read(String sql, Object... args) {
        List<Stored> rows = jdbc.query(sql, ROW, args);
        if (rows.size() > 1) {
            keys.load(rows.stream().map(s -> s.returnee().beneficiaryId()).toList());
        }
        return rows.stream()
                .map(s -> s.sealed() == null
                        ? s.returnee()
                        : s.returnee()
                                .withDetails(cipher.open(s.returnee().beneficiaryId(), s.sealed())
                                        .orElse(null)))
                .toList();
    }

    private static <T> Optional<T> first(List<T> rows) {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** What a returnee's status follows from the other services: the grant's decision, and its payment. */
    public enum Progress {
        DECISION("decision_outcome", "decision_order"),
        PAYMENT("payment_state", "payment_order");

        private final String column;
        private final String orderColumn;

        Progress(String column, String orderColumn) {
            this.column = column;
            this.orderColumn = orderColumn;
        }
    }

    /** A later state of one part of a returnee's status, with the order it is recorded by. */
    private record ProgressUpdate(Progress progress, UUID beneficiaryId, String value, long order) {}

    /**
     * Records a later state of a returnee's decision or payment; an earlier one arriving late changes nothing, nor
     * does one about a beneficiary not registered here. Written when the caller's transaction commits, together with
     * the rest of its progress (a consumer's poll): one round trip, and of a person's states of one part only the
     * latest.
     *
     * @param order event time, then the state's rank, so that events arriving out of order still settle on the last
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordProgress(Progress progress, UUID beneficiaryId, String value, long order) {
        progressUpdates.add(new ProgressUpdate(progress, beneficiaryId, value, order));
    }

    /** Each part's latest states, person by person in id order (one order of locks whoever writes them). */
    private void writeProgress(List<ProgressUpdate> updates) {
        Map<Progress, Map<UUID, ProgressUpdate>> latest = new EnumMap<>(Progress.class);
        for (ProgressUpdate update : updates) {
            latest.computeIfAbsent(update.progress(), part -> new TreeMap<>())
                    .merge(update.beneficiaryId(), update, (a, b) -> b.order() > a.order() ? b : a);
        }
        latest.forEach((progress, byPerson) -> jdbc.batchUpdate(
                "UPDATE returnee SET " + progress.column + " = ?, " + progress.orderColumn + " = ? WHERE beneficiary_id"
                        + " = ? AND (" + progress.orderColumn + " IS NULL OR " + progress.orderColumn + " < ?)",
                byPerson.values().stream()
                        .map(u -> new Object[] {
                            u.value(), u.order(), u.beneficiaryId().toString(), u.order()
                        })
                        .toList()));
    }
}
