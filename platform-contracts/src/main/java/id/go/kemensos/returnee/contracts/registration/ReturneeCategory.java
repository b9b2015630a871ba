package id.go.kemensos.returnee.contracts.registration;

/**
 * Why the person is a returnee (the kategori column of a provincial list: KPO trafficking victim, PMIB deportee, PMI
 * purna returned worker, other person in need). Whether someone is a victim is told apart by {@link TraffickingStatus},
 * so that a trafficked deportee is a deportee under Law 18/2017 as well; KPO is for a victim who was no migrant worker
 * (and, in lists from before the status had its own column, any identified victim). KPO is specific personal data under Law 27/2022 and Law 21/2007 article
 * 44: it may drive eligibility but must never reach an SMS, a log line or an unmasked report.
 */
public enum ReturneeCategory {
    KPO,
    PMIB_DEPORTEE,
    PMI_PURNA,
    OTHER_PPKS,
    /**
     * A family member of a returned migrant worker, on the worker's family card (Law 18/2017 Pasal 24 ayat (1) huruf e:
     * empowerment of the worker "dan keluarganya"); not a returnee themselves.
     */
    KELUARGA_PMI
}
