package id.go.kemensos.returnee.casework.cases;

import id.go.kemensos.returnee.casework.reference.NeedDimensions;
import id.go.kemensos.returnee.contracts.casework.NeedsAssessed;
import id.go.kemensos.returnee.contracts.casework.PlanActionAdded;
import id.go.kemensos.returnee.contracts.casework.PlanActionClosed;
import id.go.kemensos.returnee.contracts.casework.ProtectedCaseStep;
import id.go.kemensos.returnee.messaging.Outbox;
import id.go.kemensos.returnee.messaging.TimeOrderedIds;
import id.go.kemensos.returnee.security.Officer;
import id.go.kemensos.returnee.security.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case worker's assessment of what the person needs, dimension by dimension, and the plan agreed with them: steps
 * for a dimension, due by a date, carried out through one of their offers or otherwise. Each change and its event
 * commit together (the outbox); the case worker's words stay in the case.
 */
@Service
public class CasePlanning {

    private final CaseFiles cases;
    private final CasePlans plans;
    private final NeedDimensions dimensions;
    private final FollowUpSchedule schedule;
    private final Outbox outbox;
    private final Clock clock;

    CasePlanning(
            CaseFiles cases,
            CasePlans plans,
            NeedDimensions dimensions,
            FollowUpSchedule schedule,
            Outbox outbox,
            Clock clock) {
        this.cases = cases;
        this.plans = plans;
        this.dimensions = dimensions;
        this.schedule = schedule;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Records an assessment that scores every dimension of the list, once each. */
    @Transactional
    public UUID assess(UUID caseId, Map<String, NeedsAssessed.Level> needs, String note, Officer officer) {
        CaseFiles.CaseFile file = cases.followedBy(caseId, officer);
        List<String> codes =
                dimensions.all().stream().map(NeedDimensions.Dimension::code).toList();
        TreeSet<String> unknown = new TreeSet<>(needs.keySet());
        codes.forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            throw Refusal.invalid("Dimensi tidak dikenal: " + String.join(", ", unknown) + " (dimensi: "
                    + String.join(", ", codes) + ") / unknown dimensions");
        }
        List<String> missing = codes.stream().filter(c -> needs.get(c) == null).toList();
        if (!missing.isEmpty()) {
            throw Refusal.invalid("Nilai setiap dimensi (NONE, LOW, MEDIUM, HIGH); belum: " + String.join(", ", missing)
                    + " / score every dimension; missing: " + String.join(", ", missing));
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        codes.forEach(c -> ordered.put(c, needs.get(c).name()));
        UUID assessmentId = TimeOrderedIds.next();
        Instant now = clock.instant();
        plans.addAssessment(new CasePlans.Assessment(
                assessmentId, caseId, ordered, Casework.blankToNull(note), officer.username(), now));
        outbox.append(new NeedsAssessed(
                assessmentId,
                caseId,
                file.beneficiaryId(),
                codes.stream().map(c -> new NeedsAssessed.Need(c, needs.get(c))).toList(),
                officer.reference(),
                now));
        return assessmentId;
    }

    /** Adds a step to the plan: for a dimension of the list, through an offer of this case or not, due from today. */
    @Transactional
    public UUID addAction(
            UUID caseId, String dimension, String action, UUID offerId, LocalDate dueOn, Officer officer) {
        CaseFiles.CaseFile file = cases.followedBy(caseId, officer);
        if (dimensions.byCode(dimension).isEmpty()) {
            throw Refusal.invalid("Dimensi tidak dikenal: " + dimension + " / unknown dimension " + dimension);
        }
        boolean restricted = false;
        if (offerId != null) {
            CaseFiles.Offer offer = offerOf(caseId, offerId)
                    .orElseThrow(() -> Refusal.invalid("Tawaran " + offerId + " bukan tawaran kasus ini / offer "
                            + offerId + " is not of this case"));
            restricted = offer.restricted();
        }
        if (dueOn.isBefore(schedule.today(file.provinceCode()))) {
            throw Refusal.invalid("Tanggal target sudah lewat: " + dueOn + " / the due date " + dueOn + " is past");
        }
        UUID actionId = TimeOrderedIds.next();
        Instant now = clock.instant();
        plans.addAction(new CasePlans.Action(
                actionId,
                caseId,
                dimension,
                action.strip(),
                offerId,
                dueOn,
                officer.username(),
                now,
                null,
                null,
                null,
                null));
        outbox.append(ProtectedCaseStep.publishable(new PlanActionAdded(
                actionId,
                caseId,
                file.beneficiaryId(),
                dimension,
                offerId,
                restricted,
                dueOn,
                officer.reference(),
                now)));
        return actionId;
    }

    /** Closes a step of the plan, DONE or DROPPED, once. */
    @Transactional
    public void closeAction(UUID actionId, PlanActionClosed.Outcome outcome, String note, Officer officer) {
        CasePlans.Action action = plans.actionForUpdate(actionId)
                .orElseThrow(() -> Refusal.notFound("Langkah rencana " + actionId + " tidak ada / no such plan step"));
        CaseFiles.CaseFile file = cases.followedBy(action.caseId(), officer);
        if (action.outcome() != null) {
            throw Refusal.conflict("Langkah ini sudah ditutup (" + action.outcome() + ") / this step was already "
                    + "closed (" + action.outcome() + ")");
        }
        Instant now = clock.instant();
        plans.closeAction(actionId, outcome.name(), Casework.blankToNull(note), officer.username(), now);
        boolean restricted = action.offerId() != null
                && offerOf(action.caseId(), action.offerId())
                        .map(CaseFiles.Offer::restricted)
                        .orElse(false);
        outbox.append(ProtectedCaseStep.publishable(new PlanActionClosed(
                actionId,
                action.caseId(),
                file.beneficiaryId(),
                action.dimension(),
                restricted,
                outcome,
                officer.reference(),
                now)));
    }

    private java.util.Optional<CaseFiles.Offer> offerOf(UUID caseId, UUID offerId) {
        return cases.offers(caseId).stream()
                .filter(o -> o.offerId().equals(offerId))
                .findFirst();
    }
}
