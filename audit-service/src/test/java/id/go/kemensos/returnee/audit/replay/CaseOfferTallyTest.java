package id.go.kemensos.returnee.audit.replay;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kemensos.returnee.contracts.casework.CaseOpened;
import id.go.kemensos.returnee.contracts.casework.GrantPaid;
import id.go.kemensos.returnee.contracts.casework.OfferAnswered;
import id.go.kemensos.returnee.contracts.casework.ProtectedCaseStep;
import id.go.kemensos.returnee.contracts.casework.ReferralOutcomeRecorded;
import id.go.kemensos.returnee.contracts.casework.ServiceReferred;
import id.go.kemensos.returnee.contracts.casework.ServicesOffered;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CaseOfferTallyTest {

    private static final Instant T = Instant.parse("2026-12-01T02:00:00Z");
    private final CaseOfferTally tally = new CaseOfferTally();
    private final UUID caseId = UUID.randomUUID();
    private final UUID person = UUID.randomUUID();
    private final UUID grant = UUID.randomUUID();
    private final UUID support = UUID.randomUUID();

    @Test
    void countsOffersByProvinceServiceAndStateWithAVictimsServicesUnderOneName() {
        UUID referral = UUID.randomUUID();
        // The restricted topic is read first: the offers' province is joined at the end.
        apply(ProtectedCaseStep.of(new ServicesOffered(
                caseId,
                person,
                UUID.randomUUID(),
                "trafficking-victims",
                "1",
                true,
                List.of(new ServicesOffered.Offer(support, "PSYCHOSOCIAL")),
                T)));
        apply(ProtectedCaseStep.of(new OfferAnswered(
                support, caseId, person, "PSYCHOSOCIAL", true, OfferAnswered.Answer.ACCEPTED, null, "cw", T)));
        apply(ProtectedCaseStep.of(
                new ServiceReferred(referral, support, caseId, person, "PSYCHOSOCIAL", true, "ntb-uptd-ppa", "cw", T)));
        apply(ProtectedCaseStep.of(new ReferralOutcomeRecorded(
                referral,
                support,
                caseId,
                person,
                "PSYCHOSOCIAL",
                true,
                ReferralOutcomeRecorded.Outcome.DELIVERED,
                "cw",
                T)));
        apply(new CaseOpened(caseId, person, UUID.randomUUID(), "52", "5202", "cw", List.of(), T));
        apply(new ServicesOffered(
                caseId,
                person,
                UUID.randomUUID(),
                "bantuan-stimulan-usaha",
                "2026.2",
                false,
                List.of(new ServicesOffered.Offer(grant, "BUSINESS_STIMULANT_GRANT")),
                T));
        UUID paid = UUID.randomUUID();
        apply(
                paid,
                new GrantPaid(grant, caseId, person, "BUSINESS_STIMULANT_GRANT", "BSU", UUID.randomUUID(), 960_000, T));

        assertThat(tally.apply(
                        paid,
                        new GrantPaid(
                                grant,
                                caseId,
                                person,
                                "BUSINESS_STIMULANT_GRANT",
                                "BSU",
                                UUID.randomUUID(),
                                960_000,
                                T)))
                .as("a redelivery counts once")
                .isFalse();
        assertThat(tally.counts())
                .containsExactly(
                        new CaseOfferTally.Count("52", "BUSINESS_STIMULANT_GRANT", Map.of("DELIVERED", 1L)),
                        new CaseOfferTally.Count("52", CaseOfferTally.RESTRICTED, Map.of("DELIVERED", 1L)));
    }

    @Test
    void aLateStepNeverMovesAnOfferBackButANewReferralDoes() {
        apply(new CaseOpened(caseId, person, UUID.randomUUID(), "52", "5202", "cw", List.of(), T));
        apply(new ServicesOffered(
                caseId,
                person,
                UUID.randomUUID(),
                "social-welfare",
                "1",
                false,
                List.of(new ServicesOffered.Offer(support, "SOCIAL_REHABILITATION")),
                T));
        UUID first = UUID.randomUUID();
        apply(new ServiceReferred(first, support, caseId, person, "SOCIAL_REHABILITATION", false, "p", "cw", T));
        apply(new OfferAnswered(
                support, caseId, person, "SOCIAL_REHABILITATION", false, OfferAnswered.Answer.ACCEPTED, null, "cw", T));
        assertThat(tally.counts().get(0).byState()).containsOnlyKeys("REFERRED");
        apply(new ReferralOutcomeRecorded(
                first,
                support,
                caseId,
                person,
                "SOCIAL_REHABILITATION",
                false,
                ReferralOutcomeRecorded.Outcome.NOT_DELIVERED,
                "cw",
                T));
        apply(new ServiceReferred(
                UUID.randomUUID(), support, caseId, person, "SOCIAL_REHABILITATION", false, "q", "cw", T));
        assertThat(tally.counts().get(0).byState()).containsOnlyKeys("REFERRED");
    }

    private void apply(id.go.kemensos.returnee.contracts.PlatformEvent event) {
        apply(UUID.randomUUID(), event);
    }

    private void apply(UUID id, id.go.kemensos.returnee.contracts.PlatformEvent event) {
        assertThat(tally.apply(id, event)).isTrue();
    }
}
