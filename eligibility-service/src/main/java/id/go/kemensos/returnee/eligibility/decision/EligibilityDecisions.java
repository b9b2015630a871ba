package id.go.kemensos.returnee.eligibility.decision;

import id.go.kemensos.returnee.contracts.casework.GrievanceReceived;
import id.go.kemensos.returnee.contracts.disbursement.PaymentSettled;
import id.go.kemensos.returnee.contracts.eligibility.CriterionOutcome;
import id.go.kemensos.returnee.contracts.eligibility.EligibilityDecided;
import id.go.kemensos.returnee.contracts.eligibility.Outcome;
import id.go.kemensos.returnee.contracts.eligibility.ProtectionDecided;
import id.go.kemensos.returnee.contracts.eligibility.ReferralRequested;
import id.go.kemensos.returnee.contracts.registration.PersonalDataErased;
import id.go.kemensos.returnee.contracts.registration.ReturneeRegistered;
import id.go.kemensos.returnee.contracts.registration.ReturneeUpdated;
import id.go.kemensos.returnee.eligibility.facts.RegistrationFacts;
import id.go.kemensos.returnee.eligibility.rules.Evaluation;
import id.go.kemensos.returnee.eligibility.rules.Facts;
import id.go.kemensos.returnee.eligibility.rules.RuleEngine;
import id.go.kemensos.returnee.eligibility.rules.RuleSet;
import id.go.kemensos.returnee.eligibility.rules.RuleSetCatalog;
import id.go.kemensos.returnee.messaging.Outbox;
import id.go.kemensos.returnee.messaging.TimeOrderedIds;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides every registration under every law and program whose rules are in force at its relevant date, and decides
 * again when its facts change or a new rule version is in force. A decision is only added when the outcome, amount or
 * entitlements change; it then names the one it supersedes. Decision rows, their events and the processed-event mark
 * commit together.
 */
@Service
public class EligibilityDecisions {

    static final String CONSUMER = "eligibility.registration-events";
    static final String PAYMENTS_CONSUMER = "eligibility.disbursement-events";
    static final String CASES_CONSUMER = "eligibility.case-events";
    private static final Logger log = LoggerFactory.getLogger(EligibilityDecisions.class);
    /** The ministry's day: a decision made at 01:00 WIB on 22 November is made on the 22nd. */
    private static final ZoneId DECISION_ZONE = ZoneId.of("Asia/Jakarta");

    private final RuleSetCatalog catalog;
    private final RuleEngine engine;
    private final RegistrationFacts facts;
    private final DecisionRepository decisions;
    private final Outbox outbox;
    private final Clock clock;

    EligibilityDecisions(
            RuleSetCatalog catalog,
            RuleEngine engine,
            RegistrationFacts facts,
            DecisionRepository decisions,
            Outbox outbox,
            Clock clock) {
        this.catalog = catalog;
        this.engine = engine;
        this.facts = facts;
        this.decisions = decisions;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** What one (re-)evaluation of a beneficiary did: decisions added, and how many of them changed an earlier one. */
    public record Result(int decided, int changed) {

        public Result plus(Result other) {
            return new Result(decided + other.decided, changed + other.changed);
        }
    }

    /**
     * A registration is decided under every law and program in force, unless the person was erased meanwhile. A
     * returned worker's family members registered before them are decided again: their household now has its worker.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void onRegistered(ReturneeRegistered registered, UUID eventId) {
        facts.record(registered)
                .ifPresentOrElse(
                        known -> {
                            decide(registered.beneficiaryId(), known, eventId);
                            decideFamilyOf(registered.beneficiaryId(), known, registered.householdId(), eventId);
                        },
                        () -> log.info(
                                "Registration of beneficiary {} not decided: the person's data was erased",
                                registered.beneficiaryId()));
    }

    /** Amended facts are decided again; a decision is only added where the outcome changes. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void onUpdated(ReturneeUpdated updated, UUID eventId) {
        facts.amend(updated)
                .ifPresentOrElse(
                        amended -> {
                            decide(updated.beneficiaryId(), amended, eventId);
                            decideFamilyOf(updated.beneficiaryId(), amended, updated.householdId(), eventId);
                        },
                        () -> log.warn(
                                "Update of unknown beneficiary {} ignored; its registration has not arrived",
                                updated.beneficiaryId()));
    }

    /** A returned worker now on a family card: the family members on it are decided again (they have their worker). */
    private void decideFamilyOf(UUID worker, Facts known, String householdId, UUID eventId) {
        if (known.returnedWorker() && householdId != null) {
            for (UUID member : facts.familyMembersOf(worker)) {
                facts.find(member).ifPresent(family -> decide(member, family, eventId));
            }
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void onErased(PersonalDataErased erased) {
        facts.forget(erased.beneficiaryId());
    }

    /**
     * The person asked for a refusal to be reviewed (a grievance recorded by their provincial office or case worker):
     * the decision joins the review queue of the officers who rule it; their ruling settles the grievance.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void onGrievance(GrievanceReceived grievance) {
        if (grievance.kind() == GrievanceReceived.Kind.REVIEW_REQUEST && grievance.decisionId() != null) {
            decisions.markReviewRequested(grievance.decisionId(), grievance.grievanceId());
        }
    }

    /** A settled grant is final: its decision is never re-made (see {@link RegistrationFacts#recordPayment}). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void onPaymentSettled(PaymentSettled settled) {
        facts.recordPayment(settled);
    }

    /** Decides one beneficiary again with the rules now loaded (the command after a new rule version). */
    @Transactional
    public Result reevaluate(UUID beneficiaryId, String onlyRuleSetId) {
        return facts.find(beneficiaryId)
                .map(known -> decide(beneficiaryId, known, null, onlyRuleSetId))
                .orElse(new Result(0, 0));
    }

    private Result decide(UUID beneficiaryId, Facts known, UUID sourceEventId) {
        return decide(beneficiaryId, known, sourceEventId, null);
    }

    private Result decide(UUID beneficiaryId, Facts known, UUID sourceEventId, String onlyRuleSetId) {
        Result result = new Result(0, 0);
        Map<String, Decision> current = decisions.current(beneficiaryId); // one read for every rule set
        List<Decision> made = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(clock.instant(), DECISION_ZONE);
        for (String ruleSetId : catalog.ids()) {
            if (onlyRuleSetId != null && !onlyRuleSetId.equals(ruleSetId)) {
                continue;
            }
            LocalDate relevant = known.dateFor(catalog.relevantDateOf(ruleSetId), today);
            Optional<RuleSet> rules = catalog.inForce(ruleSetId, relevant).filter(set -> set.covers(known, relevant));
            if (rules.isPresent()) {
                Optional<Decision> previous =
                        Optional.ofNullable(current.get(rules.get().id()));
                result = result.plus(decide(beneficiaryId, known, rules.get(), relevant, today, previous, made));
            }
        }
        decisions.insertAll(made, sourceEventId); // the person's decisions in one batch
        return result;
    }

    private Result decide(
            UUID beneficiaryId,
            Facts known,
            RuleSet rules,
            LocalDate relevant,
            LocalDate today,
            Optional<Decision> previous,
            List<Decision> made) {
        if (previous.isPresent() && rules.program() != null && known.paidUnder(rules)) {
            return new Result(0, 0); // a paid grant is final: its decision is never re-made
        }
        Evaluation evaluation = engine.evaluate(rules, known, today);
        if (previous.isPresent() && sameResult(previous.get(), evaluation)) {
            return new Result(0, 0);
        }
        Decision decision = new Decision(
                TimeOrderedIds.next(),
                beneficiaryId,
                rules.programId(),
                rules.cycleId(),
                evaluation.outcome(),
                evaluation.grantAmount(),
                evaluation.entitlements(),
                rules.id(),
                rules.version(),
                evaluation.notPassed(),
                known.provinceCode(),
                known.regencyCode(),
                previous.map(Decision::decisionId).orElse(null),
                null,
                clock.instant(),
                Explanation.of(evaluation, relevant),
                null,
                rules.restricted(),
                carriedReviewRequest(previous, evaluation.outcome()));
        decision = decisions.sealed(decision); // as stored, its personal inputs sealed, for the event too
        made.add(decision);
        if (decision.restricted()) {
            // Law 21/2007 Art. 44: to the restricted topic, and the log names neither the person nor the outcome.
            outbox.append(new ProtectionDecided(decided(decision, relevant)));
            log.info(
                    "Recorded a decision under a restricted law ({}); shown to protection officers only",
                    rules.label());
        } else {
            // The general stream never carries the facts that identify a victim, not even as a criterion's input.
            outbox.append(decided(decision.withheld(catalog.protectedInputs()), relevant));
            log.info(
                    "Decided {} for beneficiary {} under {}{}",
                    decision.outcome(),
                    beneficiaryId,
                    rules.label(),
                    previous.map(p -> " (was " + p.outcome() + " under " + p.ruleSetVersion() + ")")
                            .orElse(""));
        }
        refer(decision, rules, previous);
        return new Result(1, previous.isPresent() ? 1 : 0);
    }

    /** A decision that makes the person ELIGIBLE under a rule set with a referral refers them, once per such change. */
    private void refer(Decision decision, RuleSet rules, Optional<Decision> previous) {
        RuleSet.Referral referral = rules.referral();
        if (referral == null
                || decision.outcome() != Outcome.ELIGIBLE
                || previous.map(p -> p.outcome() == Outcome.ELIGIBLE).orElse(false)) {
            return;
        }
        outbox.append(new ReferralRequested(
                TimeOrderedIds.next(),
                decision.beneficiaryId(),
                decision.decisionId(),
                rules.id(),
                rules.version(),
                referral.service(),
                referral.partnerType(),
                decision.provinceCode(),
                decision.regencyCode(),
                decision.decidedAt()));
        log.info(
                "Referred beneficiary {} to {} ({}) under {}",
                decision.beneficiaryId(),
                referral.service(),
                referral.partnerType(),
                rules.label());
    }

    private static EligibilityDecided decided(Decision decision, LocalDate relevant) {
        return new EligibilityDecided(
                decision.decisionId(),
                decision.beneficiaryId(),
                decision.programId(),
                decision.cycleId(),
                decision.outcome(),
                decision.grantAmount(),
                decision.entitlements(),
                decision.ruleSetId(),
                decision.ruleSetVersion(),
                decision.notPassed(),
                decision.provinceCode(),
                decision.regencyCode(),
                decision.previousDecisionId(),
                decision.decidedAt(),
                decision.explanation().legalBasis().stream()
                        .map(RuleSet.Citation::toString)
                        .toList(),
                relevant,
                decision.explanation().criteria().stream()
                        .map(c -> new CriterionOutcome(c.id(), c.result(), c.citation(), c.inputs()))
                        .toList());
    }

    /**
     * A refusal the person asked to have reviewed and that is decided again before an officer ruled on it: the request
     * stays pending on the new decision unless that one is eligible (case-service then settles it as upheld), so it is
     * neither lost nor ruled on a decision that no longer counts.
     */
    private static UUID carriedReviewRequest(Optional<Decision> previous, Outcome outcome) {
        return outcome == Outcome.ELIGIBLE
                ? null
                : previous.filter(p -> p.override() == null)
                        .map(Decision::reviewRequest)
                        .orElse(null);
    }

    private static boolean sameResult(Decision previous, Evaluation evaluation) {
        return previous.outcome() == evaluation.outcome()
                && previous.grantAmount() == evaluation.grantAmount()
                && previous.entitlements().equals(evaluation.entitlements());
    }
}
