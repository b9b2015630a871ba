package id.go.kemensos.returnee.eligibility.decision;

import id.go.kemensos.returnee.contracts.eligibility.DecisionOverridden;
import id.go.kemensos.returnee.contracts.eligibility.Outcome;
import id.go.kemensos.returnee.contracts.eligibility.ProtectionDecisionOverridden;
import id.go.kemensos.returnee.eligibility.facts.RegistrationFacts;
import id.go.kemensos.returnee.eligibility.rules.RuleSet;
import id.go.kemensos.returnee.eligibility.rules.RuleSetCatalog;
import id.go.kemensos.returnee.messaging.Outbox;
import id.go.kemensos.returnee.messaging.TimeOrderedIds;
import id.go.kemensos.returnee.security.Officer;
import id.go.kemensos.returnee.security.OfficerRole;
import id.go.kemensos.returnee.security.Refusal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An officer's ruling on a decision that needs review: ELIGIBLE or INELIGIBLE with a mandatory reason. The ruling is
 * stored beside the decision, which is never changed, and announced as DecisionOverridden (disbursement schedules the
 * grant when ELIGIBLE).
 */
@Service
public class DecisionOverrides {

    private static final Logger log = LoggerFactory.getLogger(DecisionOverrides.class);

    private final DecisionRepository decisions;
    private final RuleSetCatalog catalog;
    private final RegistrationFacts facts;
    private final Outbox outbox;
    private final Clock clock;

    DecisionOverrides(
            DecisionRepository decisions, RuleSetCatalog catalog, RegistrationFacts facts, Outbox outbox, Clock clock) {
        this.decisions = decisions;
        this.catalog = catalog;
        this.facts = facts;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    /**
     * Rules a decision: the ministry rules those under the general laws and programs, a protection officer those under
     * a restricted law (which nobody else may even find) of the people within their reach.
     */
    public Decision override(UUID decisionId, Outcome outcome, Officer ruling, String reason) {
        if (outcome == Outcome.NEEDS_REVIEW) {
            throw Refusal.conflict(
                    "Putusan petugas harus ELIGIBLE atau INELIGIBLE / An officer rules ELIGIBLE or INELIGIBLE");
        }
        Decision decision = decisions
                .lock(decisionId)
                .filter(d -> ruling.reaches(d.provinceCode()) && (!d.restricted() || ruling.knowsProtectionStatus()))
                .orElseThrow(() -> Refusal.notFound("Keputusan tidak ditemukan / no such decision: " + decisionId));
        if (!decision.restricted() && !ruling.roles().contains(OfficerRole.MINISTRY_OFFICER)) {
            throw Refusal.forbidden(
                    "Keputusan ini diputus oleh petugas kementerian / the ministry rules this decision");
        }
        String officer = ruling.reference();
        if (!decision.current()) {
            throw Refusal.conflict("Keputusan ini sudah digantikan oleh " + decision.supersededBy()
                    + "; tinjau keputusan terbaru / " + "This decision was superseded by " + decision.supersededBy()
                    + "; review the current one");
        }
        if (!decision.awaitsRuling()) {
            // An ELIGIBLE decision may already be paid or in payment; reversing it is a disbursement matter, not a
            // review. A refusal is ruled once the person asked for it to be reviewed (a grievance).
            throw Refusal.conflict("Hanya keputusan PERLU DITINJAU, atau penolakan yang dimohonkan peninjauan, yang"
                    + " dapat diputus petugas (keputusan ini " + decision.outcome() + ") / Only a decision that needs"
                    + " review, or a refusal whose review was requested, can be overridden (this one is "
                    + decision.outcome() + ")");
        }
        if (decision.override() != null) {
            throw Refusal.conflict(
                    "Keputusan ini sudah diputus petugas " + decision.override().officer() + " / Already overridden by "
                            + decision.override().officer());
        }
        RuleSet rules = catalog.version(decision.ruleSetId(), decision.ruleSetVersion())
                .orElseThrow(() -> Refusal.conflict("Aturan " + decision.ruleSetId() + "@" + decision.ruleSetVersion()
                        + " tidak dimuat lagi / rule set no longer loaded"));
        if (outcome == Outcome.ELIGIBLE
                && rules.program() != null
                && facts.paid(decision.beneficiaryId(), rules.programId(), rules.cycleId())) {
            throw Refusal.conflict("Penerima sudah dibayar untuk " + rules.programId() + " tahun " + rules.cycleId()
                    + " / already paid " + "under this program year");
        }
        boolean eligible = outcome == Outcome.ELIGIBLE;
        List<String> entitlements = eligible
                ? rules.entitlements().stream().map(RuleSet.Entitlement::code).toList()
                : List.of();
        Decision.Override override = new Decision.Override(
                TimeOrderedIds.next(), outcome, eligible ? rules.grantAmount() : 0, reason, officer, clock.instant());
        decisions.insertOverride(decisionId, override);
        DecisionOverridden overridden = new DecisionOverridden(
                override.overrideId(),
                decisionId,
                decision.beneficiaryId(),
                decision.programId(),
                decision.cycleId(),
                decision.outcome(),
                outcome,
                override.grantAmount(),
                entitlements,
                decision.ruleSetId(),
                decision.ruleSetVersion(),
                reason,
                officer,
                decision.provinceCode(),
                decision.regencyCode(),
                override.overriddenAt());
        if (decision.restricted()) {
            outbox.append(new ProtectionDecisionOverridden(overridden));
            log.info("A decision under a restricted law was ruled by {}", officer);
        } else {
            outbox.append(overridden);
            log.info("Decision {} ({}) overridden to {} by {}", decisionId, decision.outcome(), outcome, officer);
        }
        return decisions.find(decisionId).orElseThrow();
    }
}
