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

    boolean mayBeReferred() {
        return this == ACCEPTED || this == NOT_DELIVERED;
    }
}
