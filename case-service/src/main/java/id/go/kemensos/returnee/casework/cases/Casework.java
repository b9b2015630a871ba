package id.go.kemensos.returnee.casework.cases;

import id.go.kemensos.returnee.casework.reference.CaseWorkerAreas;
import id.go.kemensos.returnee.casework.reference.PartnerDirectory;
import id.go.kemensos.returnee.casework.reference.ServiceCatalogue;
import id.go.kemensos.returnee.contracts.casework.CaseEvent;
import id.go.kemensos.returnee.contracts.casework.CaseOpened;
import id.go.kemensos.returnee.contracts.casework.FollowUpRecorded;
import id.go.kemensos.returnee.contracts.casework.GrantDeclined;
import id.go.kemensos.returnee.contracts.casework.GrantPaid;
import id.go.kemensos.returnee.contracts.casework.OfferAnswered;
import id.go.kemensos.returnee.contracts.casework.OfferEvent;
import id.go.kemensos.returnee.contracts.casework.ProtectedCaseStep;
import id.go.kemensos.returnee.contracts.casework.ReferralMade;
import id.go.kemensos.returnee.contracts.casework.ReferralOutcomeRecorded;
import id.go.kemensos.returnee.contracts.casework.ServiceReferred;
import id.go.kemensos.returnee.contracts.casework.ServicesOffered;
import id.go.kemensos.returnee.contracts.disbursement.PaymentSettled;
import id.go.kemensos.returnee.contracts.eligibility.DecisionOverridden;
import id.go.kemensos.returnee.contracts.eligibility.EligibilityDecided;
import id.go.kemensos.returnee.contracts.eligibility.Outcome;
import id.go.kemensos.returnee.contracts.eligibility.ProtectionDecided;
import id.go.kemensos.returnee.contracts.eligibility.ProtectionDecisionOverridden;
import id.go.kemensos.returnee.contracts.registration.PersonalDataErased;
import id.go.kemensos.returnee.messaging.Outbox;
import id.go.kemensos.returnee.messaging.TimeOrderedIds;
import id.go.kemensos.returnee.security.Officer;
import id.go.kemensos.returnee.security.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens to cases: opened by a person's first ELIGIBLE decision, under any law or program, with an offer of each
 * service the decision entitles them to; then the case worker's answers, referrals and outcomes. Each change and its
 * event commit together (the outbox).
 */
@Service
public class Casework {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Casework.class);

    static final String DECISIONS_CONSUMER = "case-decisions";
    static final String REGISTRATION_CONSUMER = "case-registration";
    static final String PAYMENTS_CONSUMER = "case-payments";

    private final CaseFiles cases;
    private final Outbox outbox;
    private final CaseWorkerAreas areas;
    private final PartnerDirectory partners;
    private final ServiceCatalogue services;
    private final FollowUpSchedule schedule;
    private final Clock clock;
    private final CasePlans plans;

    Casework(
            CaseFiles cases,
            Outbox outbox,
            CaseWorkerAreas areas,
            PartnerDirectory partners,
            ServiceCatalogue services,
            FollowUpSchedule schedule,
            Clock clock,
            CasePlans plans) {
        this.plans = plans;
        this.cases = cases;
        this.outbox = outbox;
        this.areas = areas;
        this.partners = partners;
        this.services = services;
        this.schedule = schedule;
        this.clock = clock;
    }

    /** What a decision entitles a person to, from whichever event carried it. */
    record Entitlement(
            UUID beneficiaryId,
            UUID decisionId,
            Outcome outcome,
            List<String> services,
            String ruleSetId,
            String ruleSetVersion,
            String provinceCode,
            String regencyCode,
            boolean restricted,
            String programId) {}

    void onDecided(EligibilityDecided d) {
        entitle(entitlement(d, false));
    }

    void onProtectionDecided(ProtectionDecided p) {
        entitle(entitlement(p.decision(), true));
    }

    void onOverridden(DecisionOverridden o) {
        entitle(entitlement(o, false));
    }

    void onProtectionOverridden(ProtectionDecisionOverridden p) {
        entitle(entitlement(p.override(), true));
    }

    /**
     * A program's payment was credited: its grant offers still open are DELIVERED by it. One the person declined stays
     * DECLINED; disbursement stops such a payment unless it had already gone to the bank when the answer came, which
     * is logged for the case worker.
     */
    void onPaymentSettled(PaymentSettled settled) {
        if (settled.programId() == null) {
            return;
        }
        for (CaseFiles.Offer offer : cases.programOffersForUpdate(settled.beneficiaryId(), settled.programId())) {
            if (!services.of(offer.service()).deliveredByPayment()) {
                continue;
            }
            if (offer.state() == OfferState.DECLINED) {
                log.warn(
                        "Offer {} was declined after its program's payment {} had gone to the bank; it was credited",
                        offer.offerId(),
                        settled.paymentId());
                continue;
            }
            if (offer.state() != OfferState.OFFERED && offer.state() != OfferState.ACCEPTED) {
                continue;
            }
            cases.moveOffer(offer.offerId(), OfferState.DELIVERED);
            outbox.append(new GrantPaid(
                    offer.offerId(),
                    offer.caseId(),
                    settled.beneficiaryId(),
                    offer.service(),
                    settled.programId(),
                    settled.paymentId(),
                    settled.amount(),
                    settled.settledAt()));
        }
    }

    void onErased(PersonalDataErased e) {
        cases.clearNotes(e.beneficiaryId());
        plans.clearNotes(e.beneficiaryId());
    }

    private static Entitlement entitlement(EligibilityDecided d, boolean restricted) {
        return new Entitlement(
                d.beneficiaryId(),
                d.decisionId(),
                d.outcome(),
                d.entitlements(),
                d.ruleSetId(),
                d.ruleSetVersion(),
                d.provinceCode(),
                d.regencyCode(),
                restricted,
                d.programId());
    }

    private static Entitlement entitlement(DecisionOverridden o, boolean restricted) {
        return new Entitlement(
                o.beneficiaryId(),
                o.decisionId(),
                o.outcome(),
                o.entitlements(),
                o.ruleSetId(),
                o.ruleSetVersion(),
                o.provinceCode(),
                o.regencyCode(),
                restricted,
                o.programId());
    }

    /** Opens the case if this is the person's first eligible decision, and offers each service not offered yet. */
    private void entitle(Entitlement e) {
        if (e.outcome() != Outcome.ELIGIBLE
                || e.services() == null
                || e.services().isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<CaseEvent> events = new ArrayList<>();
        Optional<CaseFiles.CaseWithServices> existing = cases.byBeneficiaryWithServices(e.beneficiaryId());
        CaseFiles.CaseFile file = existing.map(CaseFiles.CaseWithServices::file).orElse(null);
        CaseFiles.CaseFile opened = null;
        List<CaseFiles.FollowUp> followUps = List.of();
        Set<String> offered =
                existing.map(CaseFiles.CaseWithServices::servicesOffered).orElseGet(HashSet::new);
        if (file == null) {
            file = new CaseFiles.CaseFile(
                    TimeOrderedIds.next(),
                    e.beneficiaryId(),
                    e.provinceCode(),
                    e.regencyCode(),
                    areas.caseWorkerFor(e.regencyCode()).orElse(null),
                    e.decisionId(),
                    now);
            opened = file;
            followUps = new ArrayList<>();
            for (java.time.LocalDate due : schedule.dueDates(now, file.provinceCode())) {
                followUps.add(new CaseFiles.FollowUp(
                        TimeOrderedIds.next(), file.caseId(), due, null, null, null, null, null, null));
            }
            events.add(new CaseOpened(
                    file.caseId(),
                    file.beneficiaryId(),
                    file.openedByDecision(),
                    file.provinceCode(),
                    file.regencyCode(),
                    file.caseWorker(),
                    followUps.stream()
                            .map(f -> new CaseOpened.FollowUpDue(f.followUpId(), f.dueOn()))
                            .toList(),
                    now));
        }
        List<CaseFiles.Offer> offers = new ArrayList<>();
        for (String service : e.services()) {
            if (offered.add(service)) {
                offers.add(new CaseFiles.Offer(
                        TimeOrderedIds.next(),
                        file.caseId(),
                        e.decisionId(),
                        service,
                        e.ruleSetId(),
                        e.ruleSetVersion(),
                        e.restricted(),
                        OfferState.OFFERED,
                        now,
                        null,
                        null,
                        null,
                        null,
                        e.programId()));
            }
        }
        if (opened != null || !offers.isEmpty()) {
            cases.record(new CaseFiles.Entitled(opened, followUps, offers));
        }
        if (!offers.isEmpty()) {
            events.add(published(new ServicesOffered(
                    file.caseId(),
                    e.beneficiaryId(),
                    e.decisionId(),
                    e.ruleSetId(),
                    e.ruleSetVersion(),
                    e.restricted(),
                    offers.stream()
                            .map(o -> new ServicesOffered.Offer(o.offerId(), o.service()))
                            .toList(),
                    now)));
        }
        outbox.appendAll(events);
    }

    /** Records the person's answer to an offer still open. */
    @Transactional
    public void answer(
            UUID offerId,
            OfferAnswered.Answer answer,
            OfferAnswered.DeclineReason reason,
            String note,
            Officer officer) {
        CaseFiles.Offer offer = cases.offerForUpdate(offerId)
                .orElseThrow(() -> Refusal.notFound("Tawaran " + offerId + " tidak ada / no such offer"));
        CaseFiles.CaseFile file = cases.followedBy(offer.caseId(), officer);
        if (offer.state() != OfferState.OFFERED) {
            throw Refusal.conflict("Tawaran ini sudah dijawab (" + offer.state()
                    + ") / this offer was already answered (" + offer.state() + ")");
        }
        if (answer == OfferAnswered.Answer.DECLINED && reason == null) {
            throw Refusal.invalid(
                    "Sebutkan alasan penolakan (declineReason) / say why the offer was declined (declineReason)");
        }
        OfferAnswered.DeclineReason kept = answer == OfferAnswered.Answer.DECLINED ? reason : null;
        Instant now = clock.instant();
        OfferState state = answer == OfferAnswered.Answer.ACCEPTED ? OfferState.ACCEPTED : OfferState.DECLINED;
        cases.recordAnswer(
                offerId, state, kept == null ? null : kept.name(), blankToNull(note), officer.username(), now);
        outbox.append(published(new OfferAnswered(
                offerId,
                file.caseId(),
                file.beneficiaryId(),
                offer.service(),
                offer.restricted(),
                answer,
                kept,
                officer.reference(),
                now)));
        if (kept != null
                && offer.programId() != null
                && services.of(offer.service()).deliveredByPayment()) {
            // The payment is disbursement's: told, it stops it if the money has not gone to the bank yet.
            outbox.append(new GrantDeclined(
                    offerId,
                    file.caseId(),
                    file.beneficiaryId(),
                    offer.programId(),
                    offer.decisionId(),
                    kept,
                    officer.reference(),
                    now));
        }
    }

    /** Refers an accepted offer (or one a partner did not deliver) to a partner of the person's province. */
    @Transactional
    public UUID refer(UUID offerId, String partnerId, Officer officer) {
        CaseFiles.Offer offer = cases.offerForUpdate(offerId)
                .orElseThrow(() -> Refusal.notFound("Tawaran " + offerId + " tidak ada / no such offer"));
        CaseFiles.CaseFile file = cases.followedBy(offer.caseId(), officer);
        if (!offer.state().mayBeReferred()) {
            throw Refusal.conflict("Hanya tawaran yang diterima dapat dirujuk; tawaran ini " + offer.state()
                    + " / only an accepted offer can be referred; this one is " + offer.state());
        }
        PartnerDirectory.Partner partner = partners.byId(partnerId)
                .orElseThrow(() ->
                        Refusal.invalid("Mitra " + partnerId + " tidak ada di daftar mitra / no partner " + partnerId));
        if (!partner.serves(file.provinceCode())) {
            throw Refusal.invalid("Mitra " + partner.name() + " tidak melayani provinsi " + file.provinceCode()
                    + " / this partner does not serve province " + file.provinceCode());
        }
        Set<String> types = services.of(offer.service()).partnerTypes();
        if (!types.isEmpty() && !types.contains(partner.type())) {
            throw Refusal.invalid("Mitra jenis " + partner.type() + " tidak memberikan layanan "
                    + offer.service() + " (jenis mitra: " + String.join(", ", types) + ") / a " + partner.type()
                    + " does not provide " + offer.service());
        }
        Instant now = clock.instant();
        UUID referralId = TimeOrderedIds.next();
        cases.addReferral(new CaseFiles.Referral(
                referralId, offerId, partner.id(), officer.username(), now, null, null, null, null));
        cases.moveOffer(offerId, OfferState.REFERRED);
        // The person is told a referral was made, whatever the service (the SMS names neither service nor partner).
        outbox.append(new ReferralMade(referralId, file.caseId(), file.beneficiaryId(), file.regencyCode(), now));
        outbox.append(published(new ServiceReferred(
                referralId,
                offerId,
                file.caseId(),
                file.beneficiaryId(),
                offer.service(),
                offer.restricted(),
                partner.id(),
                officer.reference(),
                now)));
        return referralId;
    }

    /**
     * Records whether the partner delivered what the referral asked for, as the case worker of the case or the
     * partner's own system (its token's partner) says; a referral to another partner is not found.
     */
    @Transactional
    public void recordOutcome(UUID referralId, ReferralOutcomeRecorded.Outcome outcome, String note, Officer officer) {
        CaseFiles.Referral referral = cases.referralForUpdate(referralId)
                .filter(r -> officer.partnerScope().map(r.partnerId()::equals).orElse(true))
                .orElseThrow(() -> Refusal.notFound("Rujukan " + referralId + " tidak ada / no such referral"));
        CaseFiles.Offer offer = cases.offerForUpdate(referral.offerId()).orElseThrow();
        CaseFiles.CaseFile file = officer.partnerScope().isPresent()
                ? cases.byId(offer.caseId()).orElseThrow()
                : cases.followedBy(offer.caseId(), officer);
        if (referral.outcome() != null) {
            throw Refusal.conflict("Hasil rujukan ini sudah dicatat (" + referral.outcome()
                    + ") / this referral's outcome was already recorded (" + referral.outcome() + ")");
        }
        Instant now = clock.instant();
        cases.recordOutcome(referralId, outcome.name(), blankToNull(note), officer.username(), now);
        cases.moveOffer(
                offer.offerId(),
                outcome == ReferralOutcomeRecorded.Outcome.DELIVERED ? OfferState.DELIVERED : OfferState.NOT_DELIVERED);
        outbox.append(published(new ReferralOutcomeRecorded(
                referralId,
                offer.offerId(),
                file.caseId(),
                file.beneficiaryId(),
                offer.service(),
                offer.restricted(),
                outcome,
                officer.reference(),
                now)));
    }

    /**
     * Records a follow-up: how the person was reached and their business since the grant. One not reached has both
     * UNKNOWN; one reached must say both.
     */
    @Transactional
    public void recordFollowUp(
            UUID followUpId,
            FollowUpRecorded.Contact contact,
            FollowUpRecorded.BusinessStatus businessStatus,
            FollowUpRecorded.IncomeBand incomeBand,
            String note,
            Officer officer) {
        CaseFiles.FollowUp followUp = cases.followUpForUpdate(followUpId)
                .orElseThrow(() -> Refusal.notFound("Tindak lanjut " + followUpId + " tidak ada / no such follow-up"));
        CaseFiles.CaseFile file = cases.followedBy(followUp.caseId(), officer);
        if (followUp.recordedAt() != null) {
            throw Refusal.conflict("Tindak lanjut ini sudah dicatat / this follow-up was already recorded");
        }
        boolean reached = contact != FollowUpRecorded.Contact.NOT_REACHED;
        if (reached && (businessStatus == null || incomeBand == null)) {
            throw Refusal.invalid("Sebutkan keadaan usaha (businessStatus) dan penghasilan (incomeBand) / say how the"
                    + " business is (businessStatus) and what it earns (incomeBand)");
        }
        FollowUpRecorded.BusinessStatus status = reached ? businessStatus : FollowUpRecorded.BusinessStatus.UNKNOWN;
        FollowUpRecorded.IncomeBand band = reached ? incomeBand : FollowUpRecorded.IncomeBand.UNKNOWN;
        Instant now = clock.instant();
        cases.recordFollowUp(
                followUpId, contact.name(), status.name(), band.name(), blankToNull(note), officer.username(), now);
        outbox.append(new FollowUpRecorded(
                followUpId,
                file.caseId(),
                file.beneficiaryId(),
                followUp.dueOn(),
                contact,
                status,
                band,
                officer.reference(),
                now));
    }

    /** A step of restricted services goes to the protection topic (only the ledger reads it); the rest as it is. */
    private static CaseEvent published(OfferEvent step) {
        return ProtectedCaseStep.publishable(step);
    }

    /** What an officer typed, stripped; nothing but blanks is no note. */
    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
