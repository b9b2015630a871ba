package id.go.kemensos.returnee.contracts.registration;

/**
 * Why the person is a returnee (DOMAIN.md section 8). KPO is specific personal data under Law 27/2022 and Law 21/2007
 * article 44: it may drive eligibility but must never reach an SMS, a log line or an unmasked report.
 */
public enum ReturneeCategory {
    KPO, PMIB_DEPORTEE, PMI_PURNA, OTHER_PPKS
}
