package id.go.kemensos.returnee.casework.cases;

/**
 * Where an offer stands: OFFERED -> ACCEPTED | DECLINED; ACCEPTED -> REFERRED -> DELIVERED | NOT_DELIVERED; a service
 * not delivered may be referred again, to another partner.
 */
enum OfferState {
    OFFERED,
    ACCEPTED,
    DECLINED,
    REFERRED,
    DELIVERED,
    NOT_DELIVERED;

    /** Offered, accepted or referred: the case worker still owes the person an answer, a referral or its outcome. */
    boolean awaitsCaseWorker() {
        return OPEN.contains(this);
    }

    /** {@link #awaitsCaseWorker()} as the states' names, for a query (CaseFiles.openOffers). */
    static final java.util.List<String> OPEN_NAMES = java.util.List.of("OFFERED", "ACCEPTED", "REFERRED");

    private static final java.util.Set<OfferState> OPEN =
            OPEN_NAMES.stream().map(OfferState::valueOf).collect(java.util.stream.Collectors.toUnmodifiableSet());

    boolean mayBeReferred() {
        return this == ACCEPTED || this == NOT_DELIVERED;
    }
}
