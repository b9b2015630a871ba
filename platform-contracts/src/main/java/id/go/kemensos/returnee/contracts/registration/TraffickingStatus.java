package id.go.kemensos.returnee.contracts.registration;

/**
 * Whether a person is a trafficking victim, kept apart from why they are a returnee ({@link ReturneeCategory}): a
 * deported migrant worker may be a victim too, and each law decides what it covers (Law 18/2017 the worker, Law 21/2007
 * the victim). Most returnees are never indicated at all; an indication is screened before the person is identified as
 * a victim. Specific personal data under Law 21/2007 Art. 44: sealed with the person's key wherever it is kept, and never
 * in an SMS, a log line or a clear event field.
 */
public enum TraffickingStatus {
    /** No indication recorded. */
    NONE,
    /** Indicated by a screening (terindikasi korban TPPO), not yet identified: a protection officer assesses it. */
    INDICATED,
    /** Identified as a victim by an assessment or referral (police, an Indonesian mission, RPTC, LPSK, Dinsos). */
    IDENTIFIED;

    /**
     * The status of a registration that recorded none: lists before the status had its own column said KPO in the
     * category for an identified victim.
     */
    public static TraffickingStatus implied(ReturneeCategory category) {
        return category == ReturneeCategory.KPO ? IDENTIFIED : NONE;
    }

    /** As {@link #implied(ReturneeCategory)}, for a category kept as text (which may name one this version lacks). */
    public static TraffickingStatus implied(String categoryName) {
        return ReturneeCategory.KPO.name().equals(categoryName) ? IDENTIFIED : NONE;
    }

    /** The status given, or where none was, the one the category implies. */
    public static TraffickingStatus givenOrImplied(TraffickingStatus given, ReturneeCategory category) {
        return given != null ? given : implied(category);
    }
}
