package id.go.kemensos.returnee.casework.cases;

import id.go.kemensos.returnee.casework.reference.NeedDimensions;
import id.go.kemensos.returnee.casework.reference.PartnerDirectory;
import id.go.kemensos.returnee.casework.reference.ServiceCatalogue;
import id.go.kemensos.returnee.security.Officer;
import id.go.kemensos.returnee.security.OfficerRole;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What officers read of cases, with need to know: a case is seen by its case worker and by protection officers of its
 * province, never by anyone else (it is not found), since some of its services show that a person is a trafficking
 * victim. Counts for the ministry and auditors put every restricted service under one name.
 */
@Service
public class CaseQueries {

    /** The name restricted services are counted under in reports. */
    public static final String RESTRICTED_SERVICES = "PROTECTION_SERVICES";

    private static final int QUEUE_LIMIT = 500;

    private final CaseFiles cases;
    private final ServiceCatalogue services;
    private final PartnerDirectory partners;
    private final FollowUpSchedule schedule;
    private final CasePlans plans;
    private final NeedDimensions dimensions;

    CaseQueries(
            CaseFiles cases,
            ServiceCatalogue services,
            PartnerDirectory partners,
            FollowUpSchedule schedule,
            CasePlans plans,
            NeedDimensions dimensions) {
        this.plans = plans;
        this.dimensions = dimensions;
        this.cases = cases;
        this.services = services;
        this.partners = partners;
        this.schedule = schedule;
    }

    /**
     * Open follow-ups due by today (or, with {@code upcoming}, by that many days ahead), oldest first: a case worker's
     * own; a protection officer's province.
     */
    @Transactional(readOnly = true)
    public List<FollowUpDue> followUpQueue(Officer officer, String province, int upcomingDays) {
        String scope = officer.knowsProtectionStatus() ? officer.provinceFor(province) : officer.province();
        String caseWorker = officer.knowsProtectionStatus() ? null : officer.username();
        java.time.LocalDate dueBy = schedule.today(scope).plusDays(Math.max(0, upcomingDays));
        return cases.openFollowUps(caseWorker, scope, dueBy, QUEUE_LIMIT).stream()
                .map(f -> new FollowUpDue(
                        f.followUpId(),
                        f.caseId(),
                        f.beneficiaryId(),
                        f.regencyCode(),
                        f.dueOn(),
                        f.dueOn().isBefore(schedule.overdueBefore(f.provinceCode()))))
                .toList();
    }

    /** The follow-up dashboard, by regency of a province (all for a nationwide officer). */
    @Transactional(readOnly = true)
    public List<FollowUpReport> followUpReport(Officer officer, String province) {
        String scope = officer.provinceFor(province);
        Map<String, Map<String, Long>> business = new TreeMap<>();
        for (CaseFiles.BusinessCount b : cases.businessAtLatestFollowUp(scope)) {
            business.computeIfAbsent(b.provinceCode() + b.regencyCode(), k -> new TreeMap<>())
                    .put(b.businessStatus(), b.count());
        }
        return cases.followUpCounts(scope, schedule.today(scope), schedule.overdueBefore(scope)).stream()
                .map(c -> new FollowUpReport(
                        c.provinceCode(),
                        c.regencyCode(),
                        c.scheduled(),
                        c.done(),
                        c.due(),
                        c.overdue(),
                        business.getOrDefault(c.provinceCode() + c.regencyCode(), Map.of())))
                .toList();
    }

    public record CaseSummary(
            UUID caseId,
            UUID beneficiaryId,
            String provinceCode,
            String regencyCode,
            String caseWorker,
            Instant openedAt,
            long openOffers) {}

    public record ReferralView(
            UUID referralId,
            String partnerId,
            String partnerName,
            String partnerContact,
            String referredBy,
            Instant referredAt,
            String outcome,
            String outcomeNote,
            Instant outcomeAt) {}

    public record OfferView(
            UUID offerId,
            String service,
            String nameId,
            String nameEn,
            String dimension,
            boolean restricted,
            String state,
            UUID decisionId,
            String ruleSet,
            Instant offeredAt,
            String declineReason,
            String answerNote,
            String answeredBy,
            Instant answeredAt,
            List<ReferralView> referrals) {}

    public record FollowUpView(
            UUID followUpId,
            java.time.LocalDate dueOn,
            String contact,
            String businessStatus,
            String incomeBand,
            String note,
            String recordedBy,
            Instant recordedAt) {}

    /** A case with its offers, follow-ups, needs assessments (newest first) and plan. */
    public record CaseView(
            CaseSummary summary,
            List<OfferView> offers,
            List<FollowUpView> followUps,
            List<AssessmentView> assessments,
            List<PlanStepView> plan,
            List<String> unplannedNeeds) {}

    public record NeedView(String dimension, String nameId, String nameEn, String level) {}

    public record AssessmentView(
            UUID assessmentId, List<NeedView> needs, String note, String assessedBy, Instant assessedAt) {}

    /** A step of the plan; {@code overdue} while open past its due date; {@code service} of the offer it goes by. */
    public record PlanStepView(
            UUID actionId,
            String dimension,
            String action,
            UUID offerId,
            String service,
            java.time.LocalDate dueOn,
            boolean overdue,
            String outcome,
            String outcomeNote,
            String addedBy,
            Instant addedAt,
            String closedBy,
            Instant closedAt) {}

    /** How far the services reached the people of a regency of one sex. */
    public record ReachReport(
            String provinceCode,
            String regencyCode,
            String sex,
            long cases,
            long offers,
            long accepted,
            long declined,
            long delivered,
            long followUpsDone) {}

    /** People of a regency by dimension and level, as their latest assessment found them. */
    public record NeedsReport(String provinceCode, String regencyCode, Map<String, Map<String, Long>> byDimension) {}

    /** An open follow-up in the officer's list; {@code overdue} when past its due date by more than the grace. */
    public record FollowUpDue(
            UUID followUpId,
            UUID caseId,
            UUID beneficiaryId,
            String regencyCode,
            java.time.LocalDate dueOn,
            boolean overdue) {}

    /**
     * Follow-ups of a regency: scheduled, done, due by today, overdue; and the people whose latest follow-up found their
     * business in each state (RUNNING, CLOSED, ...): whether the grant worked.
     */
    public record FollowUpReport(
            String provinceCode,
            String regencyCode,
            long scheduled,
            long done,
            long due,
            long overdue,
            Map<String, Long> businessAtLatestFollowUp) {}

    public record ServiceCount(String provinceCode, String service, Map<String, Long> byState) {}

    /** The officer's list: a case worker's own cases; a protection officer's province (all for a nationwide one). */
    @Transactional(readOnly = true)
    public List<CaseSummary> queue(Officer officer, String province) {
        List<CaseFiles.CaseFile> files = officer.knowsProtectionStatus()
                ? cases.inProvince(officer.provinceFor(province), QUEUE_LIMIT)
                : cases.assignedTo(officer.username(), QUEUE_LIMIT);
        Map<UUID, Long> open =
                cases.openOffers(files.stream().map(CaseFiles.CaseFile::caseId).toList());
        return files.stream()
                .map(f -> summary(f, open.getOrDefault(f.caseId(), 0L)))
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<CaseView> byId(UUID caseId, Officer officer) {
        return cases.byId(caseId).filter(f -> mayRead(f, officer)).map(this::view);
    }

    @Transactional(readOnly = true)
    public Optional<CaseView> byBeneficiary(UUID beneficiaryId, Officer officer) {
        return cases.byBeneficiary(beneficiaryId)
                .filter(f -> mayRead(f, officer))
                .map(this::view);
    }

    /** Offers by province, service and state; restricted services only as {@value #RESTRICTED_SERVICES}. */
    @Transactional(readOnly = true)
    public List<ServiceCount> serviceCounts(Officer officer, String province) {
        Map<String, Map<String, Long>> counted = new TreeMap<>();
        for (CaseFiles.OfferCount c : cases.offerCounts(officer.provinceFor(province))) {
            String service = c.restricted() ? RESTRICTED_SERVICES : c.service();
            counted.computeIfAbsent(c.provinceCode() + "|" + service, k -> new TreeMap<>())
                    .merge(c.state().name(), c.count(), Long::sum);
        }
        List<ServiceCount> rows = new ArrayList<>();
        counted.forEach((key, byState) -> {
            String[] parts = key.split("\\|", 2);
            rows.add(new ServiceCount(parts[0], parts[1], byState));
        });
        return rows;
    }

    /**
     * Whether women and men are reached alike: by regency and sex, cases, offers, offers accepted, declined and
     * delivered, follow-ups done (sex UNKNOWN for people registered before it was kept). Every service counts, a
     * victim's too, without naming any.
     */
    @Transactional(readOnly = true)
    public List<ReachReport> reachReport(Officer officer, String province) {
        return cases.reach(officer.provinceFor(province));
    }

    /** The needs dashboard, by regency of a province (all for a nationwide officer). */
    @Transactional(readOnly = true)
    public List<NeedsReport> needsReport(Officer officer, String province) {
        Map<String, Map<String, Map<String, Long>>> byRegency = new TreeMap<>();
        for (CasePlans.NeedCount c : plans.needsAtLatestAssessment(officer.provinceFor(province))) {
            byRegency
                    .computeIfAbsent(c.provinceCode() + "|" + c.regencyCode(), k -> new java.util.LinkedHashMap<>())
                    .computeIfAbsent(c.dimension(), k -> new TreeMap<>())
                    .put(c.level(), c.count());
        }
        List<NeedsReport> rows = new ArrayList<>();
        byRegency.forEach((key, counts) -> {
            String[] parts = key.split("\\|", 2);
            Map<String, Map<String, Long>> ordered = new java.util.LinkedHashMap<>();
            dimensions.all().forEach(d -> ordered.put(d.code(), counts.getOrDefault(d.code(), Map.of())));
            rows.add(new NeedsReport(parts[0], parts[1], ordered));
        });
        return rows;
    }

    private static boolean mayRead(CaseFiles.CaseFile file, Officer officer) {
        if (officer.knowsProtectionStatus() && officer.reaches(file.provinceCode())) {
            return true;
        }
        return officer.roles().contains(OfficerRole.CASE_WORKER)
                && officer.username().equals(file.caseWorker());
    }

    private CaseView view(CaseFiles.CaseFile file) {
        List<CaseFiles.Referral> referrals = cases.referrals(file.caseId());
        List<OfferView> offers = new ArrayList<>();
        long open = 0;
        for (CaseFiles.Offer o : cases.offers(file.caseId())) {
            ServiceCatalogue.CaseService service = services.of(o.service());
            if (o.state().awaitsCaseWorker()) {
                open++;
            }
            offers.add(new OfferView(
                    o.offerId(),
                    o.service(),
                    service.nameId(),
                    service.nameEn(),
                    service.dimension(),
                    o.restricted(),
                    o.state().name(),
                    o.decisionId(),
                    o.ruleSetId() + " " + o.ruleSetVersion(),
                    o.offeredAt(),
                    o.declineReason(),
                    o.answerNote(),
                    o.answeredBy(),
                    o.answeredAt(),
                    referrals.stream()
                            .filter(r -> r.offerId().equals(o.offerId()))
                            .map(this::referral)
                            .toList()));
        }
        List<FollowUpView> followUps = cases.followUps(file.caseId()).stream()
                .map(f -> new FollowUpView(
                        f.followUpId(),
                        f.dueOn(),
                        f.contact(),
                        f.businessStatus(),
                        f.incomeBand(),
                        f.note(),
                        f.recordedBy(),
                        f.recordedAt()))
                .toList();
        List<CasePlans.Assessment> assessed = plans.assessments(file.caseId());
        List<AssessmentView> assessments = assessed.stream()
                .map(a -> new AssessmentView(
                        a.assessmentId(),
                        dimensions.all().stream()
                                .filter(d -> a.needs().containsKey(d.code()))
                                .map(d -> new NeedView(
                                        d.code(),
                                        d.nameId(),
                                        d.nameEn(),
                                        a.needs().get(d.code())))
                                .toList(),
                        a.note(),
                        a.assessedBy(),
                        a.assessedAt()))
                .toList();
        java.time.LocalDate today = schedule.today(file.provinceCode());
        Map<UUID, String> serviceOf = new java.util.HashMap<>();
        offers.forEach(o -> serviceOf.put(o.offerId(), o.service()));
        List<CasePlans.Action> actions = plans.actions(file.caseId());
        List<PlanStepView> plan = actions.stream()
                .map(a -> new PlanStepView(
                        a.actionId(),
                        a.dimension(),
                        a.actionText(),
                        a.offerId(),
                        a.offerId() == null ? null : serviceOf.get(a.offerId()),
                        a.dueOn(),
                        a.outcome() == null && a.dueOn().isBefore(today),
                        a.outcome(),
                        a.outcomeNote(),
                        a.addedBy(),
                        a.addedAt(),
                        a.closedBy(),
                        a.closedAt()))
                .toList();
        return new CaseView(summary(file, open), offers, followUps, assessments, plan, unplanned(assessed, actions));
    }

    /** Dimensions the latest assessment found in MEDIUM or HIGH need that no step of the plan (open or done) serves. */
    private static List<String> unplanned(List<CasePlans.Assessment> assessed, List<CasePlans.Action> actions) {
        if (assessed.isEmpty()) {
            return List.of();
        }
        java.util.Set<String> planned = new java.util.HashSet<>();
        actions.stream().filter(a -> !"DROPPED".equals(a.outcome())).forEach(a -> planned.add(a.dimension()));
        List<String> unplanned = new ArrayList<>();
        assessed.get(0).needs().forEach((dimension, level) -> {
            if (("MEDIUM".equals(level) || "HIGH".equals(level)) && !planned.contains(dimension)) {
                unplanned.add(dimension);
            }
        });
        return unplanned;
    }

    private ReferralView referral(CaseFiles.Referral r) {
        Optional<PartnerDirectory.Partner> partner = partners.byId(r.partnerId());
        return new ReferralView(
                r.referralId(),
                r.partnerId(),
                partner.map(PartnerDirectory.Partner::name).orElse(r.partnerId()),
                partner.map(PartnerDirectory.Partner::contact).orElse(null),
                r.referredBy(),
                r.referredAt(),
                r.outcome(),
                r.outcomeNote(),
                r.outcomeAt());
    }

    private static CaseSummary summary(CaseFiles.CaseFile f, long openOffers) {
        return new CaseSummary(
                f.caseId(),
                f.beneficiaryId(),
                f.provinceCode(),
                f.regencyCode(),
                f.caseWorker(),
                f.openedAt(),
                openOffers);
    }
}
