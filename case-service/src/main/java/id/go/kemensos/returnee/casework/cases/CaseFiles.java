package id.go.kemensos.returnee.casework.cases;

import id.go.kemensos.returnee.messaging.CommitBatch;
import id.go.kemensos.returnee.security.Officer;
import id.go.kemensos.returnee.security.Refusal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * The only code on case_file, service_offer, referral and follow_up: a case with its offers, their referrals and its
 * follow-ups.
 */
@Repository
class CaseFiles {

    /** A person's case: where they live (for the queue and the partners) and who follows it. */
    record CaseFile(
            UUID caseId,
            UUID beneficiaryId,
            String provinceCode,
            String regencyCode,
            String caseWorker,
            UUID openedByDecision,
            Instant openedAt) {}

    /** A service offered: OFFERED, ACCEPTED, DECLINED, REFERRED, DELIVERED or NOT_DELIVERED. */
    record Offer(
            UUID offerId,
            UUID caseId,
            UUID decisionId,
            String service,
            String ruleSetId,
            String ruleSetVersion,
            boolean restricted,
            OfferState state,
            Instant offeredAt,
            String declineReason,
            String answerNote,
            String answeredBy,
            Instant answeredAt,
            String programId) {}

    record Referral(
            UUID referralId,
            UUID offerId,
            String partnerId,
            String referredBy,
            Instant referredAt,
            String outcome,
            String outcomeNote,
            String outcomeBy,
            Instant outcomeAt) {}

    /** A follow-up owed to the person; recorded once done. */
    record FollowUp(
            UUID followUpId,
            UUID caseId,
            LocalDate dueOn,
            String contact,
            String businessStatus,
            String incomeBand,
            String note,
            String recordedBy,
            Instant recordedAt) {}

    /** An open follow-up in a queue, with where its person lives. */
    record OpenFollowUp(
            UUID followUpId,
            UUID caseId,
            UUID beneficiaryId,
            String provinceCode,
            String regencyCode,
            LocalDate dueOn) {}

    /** Follow-ups of a regency: scheduled, done, due by today and overdue. */
    record FollowUpCount(String provinceCode, String regencyCode, long scheduled, long done, long due, long overdue) {}

    /** People of a regency whose latest recorded follow-up found their business in this state. */
    record BusinessCount(String provinceCode, String regencyCode, String businessStatus, long count) {}

    /** Offers by province, service and state, for the counts. */
    record OfferCount(String provinceCode, String service, boolean restricted, OfferState state, long count) {}

    private static final String CASE_COLUMNS =
            "case_id, beneficiary_id, province_code, regency_code, case_worker, opened_by_decision, opened_at";
    private static final String OFFER_COLUMNS = "offer_id, case_id, decision_id, service, rule_set_id,"
            + " rule_set_version, restricted, state, offered_at, decline_reason, answer_note, answered_by, answered_at,"
            + " program_id";
    private static final String FOLLOW_UP_COLUMNS =
            "follow_up_id, case_id, due_on, contact, business_status," + " income_band, note, recorded_by, recorded_at";
    private static final String REFERRAL_COLUMNS =
            "referral_id, offer_id, partner_id, referred_by, referred_at, outcome,"
                    + " outcome_note, outcome_by, outcome_at";

    private final JdbcTemplate jdbc;
    private final CommitBatch<Entitled> entitlements = new CommitBatch<>(this::write);

    CaseFiles(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CaseFile> byBeneficiary(UUID beneficiaryId) {
        return jdbc
                .query(
                        "SELECT " + CASE_COLUMNS + " FROM case_file WHERE beneficiary_id = ?",
                        CaseFiles::caseFile,
                        beneficiaryId.toString())
                .stream()
                .findFirst();
    }

    Optional<CaseFile> byId(UUID caseId) {
        return jdbc
                .query(
                        "SELECT " + CASE_COLUMNS + " FROM case_file WHERE case_id = ?",
                        CaseFiles::caseFile,
                        caseId.toString())
                .stream()
                .findFirst();
    }

    /** The case, if this case worker follows it: anyone else's case is not found (its existence is not told). */
    CaseFile followedBy(UUID caseId, Officer officer) {
        return byId(caseId)
                .filter(c -> officer.username().equals(c.caseWorker()))
                .orElseThrow(() -> Refusal.notFound("Kasus tidak ada di antara kasus Anda / not one of your cases"));
    }

    /**
     * What one decision entitles a person to: the case it opens (null when they have one) with its follow-ups, and the
     * offers it makes. Written when the transaction commits, a poll's decisions together.
     */
    record Entitled(CaseFile opened, List<FollowUp> followUps, List<Offer> offers) {}

    void record(Entitled entitled) {
        entitlements.add(entitled);
    }

    /** A poll's cases, follow-ups and offers: a multi-row insert of each, cases first (the others refer to them). */
    private void write(List<Entitled> gathered) {
        List<Object[]> opened = gathered.stream()
                .map(Entitled::opened)
                .filter(Objects::nonNull)
                .map(c -> new Object[] {
                    c.caseId().toString(),
                    c.beneficiaryId().toString(),
                    c.provinceCode(),
                    c.regencyCode(),
                    c.caseWorker(),
                    c.openedByDecision().toString(),
                    Timestamp.from(c.openedAt())
                })
                .toList();
        if (!opened.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO case_file (" + CASE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)", opened);
        }
        List<FollowUp> followUps =
                gathered.stream().flatMap(e -> e.followUps().stream()).toList();
        if (!followUps.isEmpty()) {
            addFollowUps(followUps);
        }
        List<Offer> offers = gathered.stream().flatMap(e -> e.offers().stream()).toList();
        if (!offers.isEmpty()) {
            addOffers(offers);
        }
    }

    /**
     * The cases of a province that a case worker follows (none: those without one), of one regency when given, locked
     * for a handover.
     */
    List<CaseFile> followedInProvinceForUpdate(String provinceCode, String caseWorker, String regencyCode) {
        List<Object> args = new ArrayList<>(List.of(provinceCode));
        StringBuilder sql =
                new StringBuilder("SELECT " + CASE_COLUMNS + " FROM case_file WHERE province_code = ? AND case_worker");
        if (caseWorker == null) {
            sql.append(" IS NULL");
        } else {
            sql.append(" = ?");
            args.add(caseWorker);
        }
        if (regencyCode != null) {
            sql.append(" AND regency_code = ?");
            args.add(regencyCode);
        }
        return jdbc.query(sql.append(" ORDER BY opened_at FOR UPDATE").toString(), CaseFiles::caseFile, args.toArray());
    }

    /** How many cases each case worker of a province follows; the key null counts those nobody follows. */
    Map<String, Long> casesByWorker(String provinceCode) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query(
                "SELECT case_worker, COUNT(*) FROM case_file WHERE province_code = ? GROUP BY case_worker",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                },
                provinceCode);
        return counts;
    }

    void reassign(UUID caseId, String caseWorker) {
        jdbc.update("UPDATE case_file SET case_worker = ? WHERE case_id = ?", caseWorker, caseId.toString());
    }

    /** Newest first: the cases assigned to a case worker. */
    List<CaseFile> assignedTo(String caseWorker, int limit) {
        return jdbc.query(
                "SELECT " + CASE_COLUMNS + " FROM case_file WHERE case_worker = ? ORDER BY opened_at DESC LIMIT ?",
                CaseFiles::caseFile,
                caseWorker,
                limit);
    }

    /** Newest first: the cases of a province, or of all when null. */
    List<CaseFile> inProvince(String provinceCode, int limit) {
        return provinceCode == null
                ? jdbc.query(
                        "SELECT " + CASE_COLUMNS + " FROM case_file ORDER BY opened_at DESC LIMIT ?",
                        CaseFiles::caseFile,
                        limit)
                : jdbc.query(
                        "SELECT " + CASE_COLUMNS
                                + " FROM case_file WHERE province_code = ? ORDER BY opened_at DESC LIMIT ?",
                        CaseFiles::caseFile,
                        provinceCode,
                        limit);
    }

    /** A person's case and the services it has offered so far. */
    record CaseWithServices(CaseFile file, Set<String> servicesOffered) {}

    /**
     * A person's case with the services it has offered, in one read (a decision adds offers to it), including what
     * earlier decisions of the same transaction opened and offered.
     */
    Optional<CaseWithServices> byBeneficiaryWithServices(UUID beneficiaryId) {
        List<Entitled> gathered = entitlements.gathered();
        Optional<CaseFile> openedNow = gathered.stream()
                .map(Entitled::opened)
                .filter(c -> c != null && c.beneficiaryId().equals(beneficiaryId))
                .findFirst();
        Optional<CaseWithServices> found = openedNow.isPresent()
                ? Optional.of(new CaseWithServices(openedNow.get(), new HashSet<>()))
                : storedWithServices(beneficiaryId);
        found.ifPresent(c -> gathered.stream()
                .flatMap(e -> e.offers().stream())
                .filter(o -> o.caseId().equals(c.file().caseId()))
                .forEach(o -> c.servicesOffered().add(o.service())));
        return found;
    }

    private Optional<CaseWithServices> storedWithServices(UUID beneficiaryId) {
        List<CaseWithServices> found = new ArrayList<>(1);
        jdbc.query(
                "SELECT c.case_id, c.beneficiary_id, c.province_code, c.regency_code, c.case_worker,"
                        + " c.opened_by_decision, c.opened_at, o.service FROM case_file c"
                        + " LEFT JOIN service_offer o ON o.case_id = c.case_id WHERE c.beneficiary_id = ?",
                (RowCallbackHandler) rs -> {
                    if (found.isEmpty()) {
                        found.add(new CaseWithServices(caseFile(rs, 0), new HashSet<>()));
                    }
                    if (rs.getString("service") != null) {
                        found.get(0).servicesOffered().add(rs.getString("service"));
                    }
                },
                beneficiaryId.toString());
        return found.stream().findFirst();
    }

    private void addOffers(List<Offer> offers) {
        jdbc.batchUpdate(
                "INSERT INTO service_offer (offer_id, case_id, decision_id, service, rule_set_id, rule_set_version,"
                        + " restricted, state, offered_at, program_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                offers.stream()
                        .map(o -> new Object[] {
                            o.offerId().toString(),
                            o.caseId().toString(),
                            o.decisionId().toString(),
                            o.service(),
                            o.ruleSetId(),
                            o.ruleSetVersion(),
                            o.restricted(),
                            o.state().name(),
                            Timestamp.from(o.offeredAt()),
                            o.programId()
                        })
                        .toList());
    }

    /** A person's offers made by this program's decisions, locked: those its payment may deliver. */
    List<Offer> programOffersForUpdate(UUID beneficiaryId, String programId) {
        return jdbc.query(
                "SELECT o.offer_id, o.case_id, o.decision_id, o.service, o.rule_set_id, o.rule_set_version, o.restricted,"
                        + " o.state, o.offered_at, o.decline_reason, o.answer_note, o.answered_by, o.answered_at,"
                        + " o.program_id FROM service_offer o JOIN case_file c ON c.case_id = o.case_id"
                        + " WHERE c.beneficiary_id = ? AND o.program_id = ? FOR UPDATE",
                CaseFiles::offer,
                beneficiaryId.toString(),
                programId);
    }

    List<Offer> offers(UUID caseId) {
        return jdbc.query(
                "SELECT " + OFFER_COLUMNS + " FROM service_offer WHERE case_id = ? ORDER BY offered_at, service",
                CaseFiles::offer,
                caseId.toString());
    }

    /** The offer, locked until the transaction ends: two officers answering it at once take turns. */
    Optional<Offer> offerForUpdate(UUID offerId) {
        return jdbc
                .query(
                        "SELECT " + OFFER_COLUMNS + " FROM service_offer WHERE offer_id = ? FOR UPDATE",
                        CaseFiles::offer,
                        offerId.toString())
                .stream()
                .findFirst();
    }

    void recordAnswer(UUID offerId, OfferState state, String declineReason, String note, String by, Instant at) {
        jdbc.update(
                "UPDATE service_offer SET state = ?, decline_reason = ?, answer_note = ?, answered_by = ?, answered_at = ?"
                        + " WHERE offer_id = ?",
                state.name(),
                declineReason,
                note,
                by,
                Timestamp.from(at),
                offerId.toString());
    }

    void moveOffer(UUID offerId, OfferState state) {
        jdbc.update("UPDATE service_offer SET state = ? WHERE offer_id = ?", state.name(), offerId.toString());
    }

    void addReferral(Referral r) {
        jdbc.update(
                "INSERT INTO referral (referral_id, offer_id, partner_id, referred_by, referred_at) VALUES (?, ?, ?, ?, ?)",
                r.referralId().toString(),
                r.offerId().toString(),
                r.partnerId(),
                r.referredBy(),
                Timestamp.from(r.referredAt()));
    }

    Optional<Referral> referralForUpdate(UUID referralId) {
        return jdbc
                .query(
                        "SELECT " + REFERRAL_COLUMNS + " FROM referral WHERE referral_id = ? FOR UPDATE",
                        CaseFiles::referral,
                        referralId.toString())
                .stream()
                .findFirst();
    }

    /**
     * A referral as the partner it was made to sees it: the service, where the person lives and when, never who (the
     * person brings the referral number; the case worker calls the partner).
     */
    record PartnerReferral(
            UUID referralId,
            String service,
            String provinceCode,
            String regencyCode,
            Instant referredAt,
            String outcome,
            Instant outcomeAt) {}

    /** The referrals made to a partner, newest first; only those still waiting for an outcome when {@code open}. */
    List<PartnerReferral> referredTo(String partnerId, boolean open, int limit) {
        return jdbc.query(
                "SELECT r.referral_id, o.service, c.province_code, c.regency_code, r.referred_at, r.outcome, r.outcome_at"
                        + " FROM referral r JOIN service_offer o ON o.offer_id = r.offer_id"
                        + " JOIN case_file c ON c.case_id = o.case_id WHERE r.partner_id = ?"
                        + (open ? " AND r.outcome IS NULL" : "") + " ORDER BY r.referred_at DESC LIMIT ?",
                (rs, n) -> new PartnerReferral(
                        UUID.fromString(rs.getString(1)),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        instant(rs.getTimestamp(5)),
                        rs.getString(6),
                        instant(rs.getTimestamp(7))),
                partnerId,
                limit);
    }

    /** A case's referrals, oldest first. */
    List<Referral> referrals(UUID caseId) {
        return jdbc.query(
                "SELECT r.referral_id, r.offer_id, r.partner_id, r.referred_by, r.referred_at, r.outcome, r.outcome_note,"
                        + " r.outcome_by, r.outcome_at FROM referral r JOIN service_offer o ON o.offer_id = r.offer_id"
                        + " WHERE o.case_id = ? ORDER BY r.referred_at",
                CaseFiles::referral,
                caseId.toString());
    }

    void recordOutcome(UUID referralId, String outcome, String note, String by, Instant at) {
        jdbc.update(
                "UPDATE referral SET outcome = ?, outcome_note = ?, outcome_by = ?, outcome_at = ? WHERE referral_id = ?",
                outcome,
                note,
                by,
                Timestamp.from(at),
                referralId.toString());
    }

    /** Clears what officers wrote about a person (the only personal data here), once they are erased. */
    void clearNotes(UUID beneficiaryId) {
        jdbc.update(
                "UPDATE service_offer o JOIN case_file c ON c.case_id = o.case_id SET o.answer_note = NULL"
                        + " WHERE c.beneficiary_id = ?",
                beneficiaryId.toString());
        jdbc.update(
                "UPDATE referral r JOIN service_offer o ON o.offer_id = r.offer_id JOIN case_file c ON c.case_id ="
                        + " o.case_id SET r.outcome_note = NULL WHERE c.beneficiary_id = ?",
                beneficiaryId.toString());
        jdbc.update(
                "UPDATE follow_up f JOIN case_file c ON c.case_id = f.case_id SET f.note = NULL"
                        + " WHERE c.beneficiary_id = ?",
                beneficiaryId.toString());
    }

    /** For each of these cases, how many of its offers wait for the case worker (offered, accepted or referred). */
    java.util.Map<UUID, Long> openOffers(List<UUID> caseIds) {
        java.util.Map<UUID, Long> open = new java.util.HashMap<>();
        if (caseIds.isEmpty()) {
            return open;
        }
        String marks = String.join(",", java.util.Collections.nCopies(caseIds.size(), "?"));
        jdbc.query(
                "SELECT case_id, COUNT(*) FROM service_offer WHERE state IN ('"
                        + String.join("', '", OfferState.OPEN_NAMES) + "')"
                        + " AND case_id IN (" + marks + ") GROUP BY case_id",
                rs -> {
                    open.put(UUID.fromString(rs.getString(1)), rs.getLong(2));
                },
                caseIds.stream().map(UUID::toString).toArray());
        return open;
    }

    List<OfferCount> offerCounts(String provinceCode) {
        String sql = "SELECT c.province_code, o.service, o.restricted, o.state, COUNT(*) FROM service_offer o"
                + " JOIN case_file c ON c.case_id = o.case_id"
                + (provinceCode == null ? "" : " WHERE c.province_code = ?")
                + " GROUP BY c.province_code, o.service, o.restricted, o.state"
                + " ORDER BY c.province_code, o.service, o.state";
        List<Object> args = new ArrayList<>();
        if (provinceCode != null) {
            args.add(provinceCode);
        }
        return jdbc.query(
                sql,
                (rs, n) -> new OfferCount(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getBoolean(3),
                        OfferState.valueOf(rs.getString(4)),
                        rs.getLong(5)),
                args.toArray());
    }

    private void addFollowUps(List<FollowUp> followUps) {
        jdbc.batchUpdate(
                "INSERT INTO follow_up (follow_up_id, case_id, due_on) VALUES (?, ?, ?)",
                followUps.stream()
                        .map(f -> new Object[] {
                            f.followUpId().toString(), f.caseId().toString(), f.dueOn()
                        })
                        .toList());
    }

    List<FollowUp> followUps(UUID caseId) {
        return jdbc.query(
                "SELECT " + FOLLOW_UP_COLUMNS + " FROM follow_up WHERE case_id = ? ORDER BY due_on",
                CaseFiles::followUp,
                caseId.toString());
    }

    Optional<FollowUp> followUpForUpdate(UUID followUpId) {
        return jdbc
                .query(
                        "SELECT " + FOLLOW_UP_COLUMNS + " FROM follow_up WHERE follow_up_id = ? FOR UPDATE",
                        CaseFiles::followUp,
                        followUpId.toString())
                .stream()
                .findFirst();
    }

    void recordFollowUp(
            UUID followUpId,
            String contact,
            String businessStatus,
            String incomeBand,
            String note,
            String by,
            Instant at) {
        jdbc.update(
                "UPDATE follow_up SET contact = ?, business_status = ?, income_band = ?, note = ?, recorded_by = ?,"
                        + " recorded_at = ? WHERE follow_up_id = ?",
                contact,
                businessStatus,
                incomeBand,
                note,
                by,
                Timestamp.from(at),
                followUpId.toString());
    }

    /**
     * Open follow-ups due on or before a day, oldest first: of one case worker's cases, or of a province's (all when
     * both are null).
     */
    List<OpenFollowUp> openFollowUps(String caseWorker, String provinceCode, LocalDate dueBy, int limit) {
        StringBuilder sql = new StringBuilder("SELECT f.follow_up_id, f.case_id, c.beneficiary_id, c.province_code,"
                + " c.regency_code, f.due_on FROM follow_up f JOIN case_file c ON c.case_id = f.case_id"
                + " WHERE f.recorded_at IS NULL AND f.due_on <= ?");
        List<Object> args = new ArrayList<>(List.of(dueBy));
        if (caseWorker != null) {
            sql.append(" AND c.case_worker = ?");
            args.add(caseWorker);
        }
        if (provinceCode != null) {
            sql.append(" AND c.province_code = ?");
            args.add(provinceCode);
        }
        sql.append(" ORDER BY f.due_on, f.follow_up_id LIMIT ?");
        args.add(limit);
        return jdbc.query(
                sql.toString(),
                (rs, n) -> new OpenFollowUp(
                        UUID.fromString(rs.getString(1)),
                        UUID.fromString(rs.getString(2)),
                        UUID.fromString(rs.getString(3)),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getObject(6, LocalDate.class)),
                args.toArray());
    }

    /** Per regency of a province (all when null): follow-ups scheduled, done, due by today and due before a day. */
    List<FollowUpCount> followUpCounts(String provinceCode, LocalDate today, LocalDate overdueBefore) {
        List<Object> args = new ArrayList<>(List.of(today, overdueBefore));
        if (provinceCode != null) {
            args.add(provinceCode);
        }
        return jdbc.query(
                "SELECT c.province_code, c.regency_code, COUNT(*),"
                        + " SUM(f.recorded_at IS NOT NULL),"
                        + " SUM(f.recorded_at IS NULL AND f.due_on <= ?),"
                        + " SUM(f.recorded_at IS NULL AND f.due_on < ?)"
                        + " FROM follow_up f JOIN case_file c ON c.case_id = f.case_id"
                        + (provinceCode == null ? "" : " WHERE c.province_code = ?")
                        + " GROUP BY c.province_code, c.regency_code ORDER BY c.province_code, c.regency_code",
                (rs, n) -> new FollowUpCount(
                        rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)),
                args.toArray());
    }

    /**
     * Per regency and sex (read from the registrations case-service keeps, person_region; UNKNOWN for people registered
     * before it was kept), of a province (all when null): cases, offers, offers accepted (referred and delivered included), declined, delivered, follow-ups done.
     */
    List<CaseQueries.ReachReport> reach(String provinceCode) {
        List<Object> args = new ArrayList<>();
        if (provinceCode != null) {
            args.add(provinceCode);
        }
        return jdbc.query(
                "SELECT c.province_code, c.regency_code, COALESCE(p.sex, 'UNKNOWN'), COUNT(*),"
                        + " COALESCE(SUM(o.offers), 0), COALESCE(SUM(o.accepted), 0), COALESCE(SUM(o.declined), 0),"
                        + " COALESCE(SUM(o.delivered), 0), COALESCE(SUM(f.done), 0)"
                        + " FROM case_file c LEFT JOIN person_region p ON p.beneficiary_id = c.beneficiary_id"
                        + " LEFT JOIN (SELECT case_id, COUNT(*) AS offers,"
                        + " SUM(state IN ('ACCEPTED', 'REFERRED', 'DELIVERED', 'NOT_DELIVERED')) AS accepted,"
                        + " SUM(state = 'DECLINED') AS declined, SUM(state = 'DELIVERED') AS delivered"
                        + " FROM service_offer GROUP BY case_id) o ON o.case_id = c.case_id"
                        + " LEFT JOIN (SELECT case_id, COUNT(*) AS done FROM follow_up WHERE recorded_at IS NOT NULL"
                        + " GROUP BY case_id) f ON f.case_id = c.case_id"
                        + (provinceCode == null ? "" : " WHERE c.province_code = ?")
                        + " GROUP BY c.province_code, c.regency_code, p.sex"
                        + " ORDER BY c.province_code, c.regency_code, p.sex",
                (rs, n) -> new CaseQueries.ReachReport(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7),
                        rs.getLong(8),
                        rs.getLong(9)),
                args.toArray());
    }

    /** Per regency and business status, the people whose latest follow-up that reached them found their business so. */
    List<BusinessCount> businessAtLatestFollowUp(String provinceCode) {
        List<Object> args = new ArrayList<>();
        if (provinceCode != null) {
            args.add(provinceCode);
        }
        return jdbc.query(
                "SELECT province_code, regency_code, business_status, COUNT(*) FROM (SELECT c.province_code,"
                        + " c.regency_code, f.business_status, ROW_NUMBER() OVER (PARTITION BY f.case_id ORDER BY"
                        + " f.due_on DESC) AS latest FROM follow_up f JOIN case_file c ON c.case_id = f.case_id"
                        + " WHERE f.recorded_at IS NOT NULL AND f.contact <> 'NOT_REACHED'"
                        + (provinceCode == null ? "" : " AND c.province_code = ?")
                        + ") recorded WHERE latest = 1 GROUP BY province_code, regency_code, business_status",
                (rs, n) -> new BusinessCount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)),
                args.toArray());
    }

    private static FollowUp followUp(ResultSet rs, int n) throws SQLException {
        return new FollowUp(
                UUID.fromString(rs.getString("follow_up_id")),
                UUID.fromString(rs.getString("case_id")),
                rs.getObject("due_on", LocalDate.class),
                rs.getString("contact"),
                rs.getString("business_status"),
                rs.getString("income_band"),
                rs.getString("note"),
                rs.getString("recorded_by"),
                instant(rs.getTimestamp("recorded_at")));
    }

    private static CaseFile caseFile(ResultSet rs, int n) throws SQLException {
        return new CaseFile(
                UUID.fromString(rs.getString("case_id")),
                UUID.fromString(rs.getString("beneficiary_id")),
                rs.getString("province_code"),
                rs.getString("regency_code"),
                rs.getString("case_worker"),
                UUID.fromString(rs.getString("opened_by_decision")),
                rs.getTimestamp("opened_at").toInstant());
    }

    private static Offer offer(ResultSet rs, int n) throws SQLException {
        return new Offer(
                UUID.fromString(rs.getString("offer_id")),
                UUID.fromString(rs.getString("case_id")),
                UUID.fromString(rs.getString("decision_id")),
                rs.getString("service"),
                rs.getString("rule_set_id"),
                rs.getString("rule_set_version"),
                rs.getBoolean("restricted"),
                OfferState.valueOf(rs.getString("state")),
                rs.getTimestamp("offered_at").toInstant(),
                rs.getString("decline_reason"),
                rs.getString("answer_note"),
                rs.getString("answered_by"),
                instant(rs.getTimestamp("answered_at")),
                rs.getString("program_id"));
    }

    private static Referral referral(ResultSet rs, int n) throws SQLException {
        return new Referral(
                UUID.fromString(rs.getString("referral_id")),
                UUID.fromString(rs.getString("offer_id")),
                rs.getString("partner_id"),
                rs.getString("referred_by"),
                rs.getTimestamp("referred_at").toInstant(),
                rs.getString("outcome"),
                rs.getString("outcome_note"),
                rs.getString("outcome_by"),
                instant(rs.getTimestamp("outcome_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
