package id.go.kemensos.returnee.casework.grievance;

import id.go.kemensos.returnee.casework.reference.CaseWorkerAreas;
import id.go.kemensos.returnee.casework.reference.GrievanceStandards;
import id.go.kemensos.returnee.casework.reference.ProvinceCalendar;
import id.go.kemensos.returnee.contracts.casework.GrievanceReceived;
import id.go.kemensos.returnee.contracts.casework.GrievanceResolved;
import id.go.kemensos.returnee.contracts.eligibility.DecisionOverridden;
import id.go.kemensos.returnee.contracts.eligibility.EligibilityDecided;
import id.go.kemensos.returnee.contracts.eligibility.Outcome;
import id.go.kemensos.returnee.contracts.registration.PersonalDataErased;
import id.go.kemensos.returnee.contracts.registration.ReturneeRegistered;
import id.go.kemensos.returnee.messaging.Outbox;
import id.go.kemensos.returnee.messaging.TimeOrderedIds;
import id.go.kemensos.returnee.security.Officer;
import id.go.kemensos.returnee.security.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Grievance redress: complaints and requests to review a refusal, received by the person's provincial office or case
 * worker (at the office, through helpline 171 or as a reply to an SMS), due by their kind's service standard. A review
 * request puts the refused decision in the review queue of the officers who rule it (eligibility-service reads the
 * event) and is settled by their ruling; a complaint by its owner. Each step is an event, and the person is told by SMS.
 */
@Service
public class Grievances {

    private static final int LIST_LIMIT = 500;

    private final GrievanceRecords records;
    private final Outbox outbox;
    private final CaseWorkerAreas areas;
    private final GrievanceStandards standards;
    private final ProvinceCalendar calendar;
    private final Clock clock;

    Grievances(
            GrievanceRecords records,
            Outbox outbox,
            CaseWorkerAreas areas,
            GrievanceStandards standards,
            ProvinceCalendar calendar,
            Clock clock) {
        this.records = records;
        this.outbox = outbox;
        this.areas = areas;
        this.standards = standards;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** A grievance as officers read it; {@code overdue} when still open after its due date. */
    public record GrievanceView(
            UUID grievanceId,
            UUID beneficiaryId,
            String provinceCode,
            String regencyCode,
            String kind,
            String channel,
            UUID decisionId,
            String summary,
            String owner,
            String receivedBy,
            Instant receivedAt,
            LocalDate dueOn,
            boolean overdue,
            String resolution,
            String resolutionNote,
            String resolvedBy,
            Instant resolvedAt) {}

    /** Grievances of a regency by kind: open, overdue, settled. */
    public record GrievanceReport(String provinceCode, String regencyCode, Map<String, Map<String, Long>> byKind) {}

    public void onRegistered(ReturneeRegistered r) {
        records.rememberRegion(
                r.beneficiaryId(),
                r.provinceCode(),
                r.regencyCode(),
                r.sex() == null ? null : r.sex().name());
    }

    /**
     * A refusal is remembered, so that a request to review it can be checked against it. A refusal decided again before
     * an officer ruled on the request (new facts, a new rule version) settles the request as upheld when the new
     * decision is eligible; either way the request now names the new decision, which eligibility-service otherwise
     * queues for the ruling in its place.
     */
    public void onDecided(EligibilityDecided d, boolean restricted) {
        if (d.outcome() == Outcome.INELIGIBLE) {
            records.rememberRefusal(d.decisionId(), d.beneficiaryId(), restricted, d.decidedAt());
        }
        if (d.previousDecisionId() == null) {
            return;
        }
        for (GrievanceRecords.Grievance g : records.openReviewRequests(d.previousDecisionId())) {
            records.followDecision(g.grievanceId(), d.decisionId());
            if (d.outcome() == Outcome.ELIGIBLE) {
                settleReviewRequest(
                        g,
                        GrievanceResolved.Resolution.UPHELD,
                        d.decisionId(),
                        GrievanceResolved.BY_NEW_DECISION,
                        d.decidedAt());
            }
        }
    }

    /** The officer's ruling on a decision settles every open request to review it. */
    public void onOverridden(DecisionOverridden o) {
        GrievanceResolved.Resolution resolution = o.outcome() == Outcome.ELIGIBLE
                ? GrievanceResolved.Resolution.UPHELD
                : GrievanceResolved.Resolution.NOT_UPHELD;
        for (GrievanceRecords.Grievance g : records.openReviewRequests(o.decisionId())) {
            settleReviewRequest(g, resolution, o.decisionId(), o.officer(), o.overriddenAt());
        }
    }

    private void settleReviewRequest(
            GrievanceRecords.Grievance g,
            GrievanceResolved.Resolution resolution,
            UUID decisionId,
            String by,
            Instant at) {
        records.settle(g.grievanceId(), resolution.name(), null, by, at);
        outbox.append(new GrievanceResolved(
                g.grievanceId(),
                g.beneficiaryId(),
                GrievanceReceived.Kind.REVIEW_REQUEST,
                resolution,
                decisionId,
                g.regencyCode(),
                by,
                at));
    }

    /** A case handed over: the person's open grievances its former case worker owned go with it. */
    public void onCaseHandedOver(UUID beneficiaryId, String fromCaseWorker, String toCaseWorker) {
        records.moveOpen(beneficiaryId, fromCaseWorker, toCaseWorker);
    }

    public void onErased(PersonalDataErased e) {
        records.clearNotes(e.beneficiaryId());
    }

    /** Records a grievance from a person of the officer's province; a review request names a refusal of theirs. */
    @Transactional
    public UUID receive(
            UUID beneficiaryId,
            GrievanceReceived.Kind kind,
            GrievanceReceived.Channel channel,
            UUID decisionId,
            String summary,
            Officer officer) {
        GrievanceRecords.Region region = records.region(beneficiaryId)
                .filter(r -> officer.reaches(r.provinceCode()))
                .orElseThrow(() -> Refusal.notFound(
                        "Orang ini tidak terdaftar di provinsi Anda / no such person in your province"));
        if (kind == GrievanceReceived.Kind.REVIEW_REQUEST) {
            if (decisionId == null) {
                throw Refusal.invalid("Permohonan peninjauan menyebut keputusan yang ditinjau (decisionId) / a request"
                        + " for review names the decision (decisionId)");
            }
            if (records.refusal(decisionId)
                    .filter(r -> r.beneficiaryId().equals(beneficiaryId))
                    .isEmpty()) {
                throw Refusal.invalid("Keputusan " + decisionId + " bukan penolakan atas orang ini / decision "
                        + decisionId + " is not a refusal of this person");
            }
            if (!records.openReviewRequests(decisionId).isEmpty()) {
                throw Refusal.conflict("Keputusan ini sudah dimohonkan peninjauan dan belum diputus / a review of this"
                        + " decision is already requested and pending");
            }
        } else {
            decisionId = null;
        }
        Instant now = clock.instant();
        LocalDate due = calendar.dayOf(now, region.provinceCode()).plusDays(standards.daysToSettle(kind.name()));
        String owner = areas.caseWorkerFor(region.regencyCode()).orElse(null);
        UUID grievanceId = TimeOrderedIds.next();
        records.add(new GrievanceRecords.Grievance(
                grievanceId,
                beneficiaryId,
                region.provinceCode(),
                region.regencyCode(),
                kind.name(),
                channel.name(),
                decisionId,
                summary == null || summary.isBlank() ? null : summary.strip(),
                owner,
                officer.username(),
                now,
                due,
                null,
                null,
                null,
                null));
        outbox.append(new GrievanceReceived(
                grievanceId,
                beneficiaryId,
                kind,
                channel,
                decisionId,
                region.provinceCode(),
                region.regencyCode(),
                owner,
                due,
                officer.reference(),
                now));
        return grievanceId;
    }

    /** Settles a complaint; a review request is settled by the ruling on its decision, not here. */
    @Transactional
    public void resolve(UUID grievanceId, GrievanceResolved.Resolution resolution, String note, Officer officer) {
        GrievanceRecords.Grievance g = records.forUpdate(grievanceId)
                .filter(x -> officer.reaches(x.provinceCode()))
                .orElseThrow(() -> Refusal.notFound("Pengaduan " + grievanceId + " tidak ada / no such grievance"));
        if (!g.kind().equals(GrievanceReceived.Kind.COMPLAINT.name())) {
            throw Refusal.conflict("Permohonan peninjauan diputus oleh petugas yang meninjau keputusan / a review"
                    + " request is settled by the officer's ruling on the decision");
        }
        if (resolution != GrievanceResolved.Resolution.RESOLVED
                && resolution != GrievanceResolved.Resolution.NOT_RESOLVED) {
            throw Refusal.invalid(
                    "Pengaduan diselesaikan RESOLVED atau NOT_RESOLVED / a complaint is RESOLVED or" + " NOT_RESOLVED");
        }
        if (!g.open()) {
            throw Refusal.conflict("Pengaduan ini sudah diselesaikan / this grievance was already settled");
        }
        Instant now = clock.instant();
        records.settle(
                grievanceId,
                resolution.name(),
                note == null || note.isBlank() ? null : note.strip(),
                officer.username(),
                now);
        outbox.append(new GrievanceResolved(
                grievanceId,
                g.beneficiaryId(),
                GrievanceReceived.Kind.COMPLAINT,
                resolution,
                null,
                g.regencyCode(),
                officer.reference(),
                now));
    }

    @Transactional(readOnly = true)
    public List<GrievanceView> list(Officer officer, String province, boolean openOnly) {
        return records.list(officer.provinceFor(province), openOnly, LIST_LIMIT).stream()
                .map(this::view)
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<GrievanceView> byId(UUID grievanceId, Officer officer) {
        return records.byId(grievanceId)
                .filter(g -> officer.reaches(g.provinceCode()))
                .map(this::view);
    }

    @Transactional(readOnly = true)
    public List<GrievanceReport> report(Officer officer, String province) {
        String scope = officer.provinceFor(province);
        Map<String, GrievanceReport> byRegency = new TreeMap<>();
        for (GrievanceRecords.GrievanceCount c : records.counts(scope, calendar.today(scope))) {
            byRegency
                    .computeIfAbsent(
                            c.provinceCode() + c.regencyCode(),
                            k -> new GrievanceReport(c.provinceCode(), c.regencyCode(), new TreeMap<>()))
                    .byKind()
                    .put(c.kind(), Map.of("open", c.open(), "overdue", c.overdue(), "settled", c.settled()));
        }
        return List.copyOf(byRegency.values());
    }

    private GrievanceView view(GrievanceRecords.Grievance g) {
        return new GrievanceView(
                g.grievanceId(),
                g.beneficiaryId(),
                g.provinceCode(),
                g.regencyCode(),
                g.kind(),
                g.channel(),
                g.decisionId(),
                g.summary(),
                g.owner(),
                g.receivedBy(),
                g.receivedAt(),
                g.dueOn(),
                g.open() && g.dueOn().isBefore(calendar.today(g.provinceCode())),
                g.resolution(),
                g.resolutionNote(),
                g.resolvedBy(),
                g.resolvedAt());
    }
}
