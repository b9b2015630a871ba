package id.go.kemensos.returnee.audit.replay;

import id.go.kemensos.returnee.contracts.PlatformEvent;
import id.go.kemensos.returnee.contracts.casework.CaseOpened;
import id.go.kemensos.returnee.contracts.casework.GrantPaid;
import id.go.kemensos.returnee.contracts.casework.OfferAnswered;
import id.go.kemensos.returnee.contracts.casework.ProtectedCaseStep;
import id.go.kemensos.returnee.contracts.casework.ReferralOutcomeRecorded;
import id.go.kemensos.returnee.contracts.casework.ServiceReferred;
import id.go.kemensos.returnee.contracts.casework.ServicesOffered;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Offers rebuilt from case-service's events alone (case.events and case.protection.events), counted as case-service
 * counts them: by province, service (every service under a restricted law as {@value #RESTRICTED}) and state. The two
 * topics are read in no fixed order with each other, so an offer's province comes from its case's CaseOpened once
 * everything is read; a step is applied only forward (a redelivered or late one changes nothing).
 */
public final class CaseOfferTally {

    /** The name restricted services are counted under, as case-service's report names them. */
    public static final String RESTRICTED = "PROTECTION_SERVICES";

    private static final List<String> ORDER =
            List.of("OFFERED", "ACCEPTED", "DECLINED", "REFERRED", "NOT_DELIVERED", "DELIVERED");

    private final Map<UUID, String> caseProvince = new HashMap<>();
    private final Map<UUID, Offer> offers = new HashMap<>();
    private final Set<UUID> seen = new HashSet<>();
    private long applied;

    private static final class Offer {
        UUID caseId;
        String service;
        boolean restricted;
        String state = "OFFERED";
        int rank;
    }

    /** One group of the counts: a province's offers of a service, by state. */
    public record Count(String provinceCode, String service, Map<String, Long> byState) {}

    /** Applies one event; false when its id was applied before (a redelivery). */
    public boolean apply(UUID eventId, PlatformEvent event) {
        if (!seen.add(eventId)) {
            return false;
        }
        applied++;
        PlatformEvent step = event instanceof ProtectedCaseStep p ? p.step() : event;
        if (step instanceof CaseOpened o) {
            caseProvince.put(o.caseId(), o.provinceCode());
        } else if (step instanceof ServicesOffered s) {
            for (ServicesOffered.Offer o : s.offers()) {
                Offer offer = offers.computeIfAbsent(o.offerId(), id -> new Offer());
                offer.caseId = s.caseId();
                offer.service = o.service();
                offer.restricted = s.restricted();
            }
        } else if (step instanceof OfferAnswered a) {
            move(a.offerId(), a.answer() == OfferAnswered.Answer.ACCEPTED ? "ACCEPTED" : "DECLINED");
        } else if (step instanceof ServiceReferred r) {
            move(r.offerId(), "REFERRED");
        } else if (step instanceof ReferralOutcomeRecorded r) {
            move(r.offerId(), r.outcome() == ReferralOutcomeRecorded.Outcome.DELIVERED ? "DELIVERED" : "NOT_DELIVERED");
        } else if (step instanceof GrantPaid g) {
            move(g.offerId(), "DELIVERED");
        }
        return true;
    }

    /** A service not delivered may be referred again: NOT_DELIVERED goes back to REFERRED, nothing else goes back. */
    private void move(UUID offerId, String to) {
        Offer offer = offers.computeIfAbsent(offerId, id -> new Offer());
        int rank = ORDER.indexOf(to);
        if (rank > offer.rank || ("REFERRED".equals(to) && "NOT_DELIVERED".equals(offer.state))) {
            offer.state = to;
            offer.rank = rank;
        }
    }

    public long applied() {
        return applied;
    }

    public int offers() {
        return offers.size();
    }

    /** The counts, in province and service order; an offer whose ServicesOffered was never read is left out. */
    public List<Count> counts() {
        Map<String, Map<String, Map<String, Long>>> counted = new TreeMap<>();
        offers.values().stream()
                .filter(o -> o.service != null)
                .forEach(o -> counted.computeIfAbsent(String.valueOf(caseProvince.get(o.caseId)), p -> new TreeMap<>())
                        .computeIfAbsent(o.restricted ? RESTRICTED : o.service, s -> new TreeMap<>())
                        .merge(o.state, 1L, Long::sum));
        return counted.entrySet().stream()
                .flatMap(
                        p -> p.getValue().entrySet().stream().map(s -> new Count(p.getKey(), s.getKey(), s.getValue())))
                .toList();
    }
}
