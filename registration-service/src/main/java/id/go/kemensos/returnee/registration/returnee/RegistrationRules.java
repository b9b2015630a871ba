package id.go.kemensos.returnee.registration.returnee;

import id.go.kemensos.returnee.registration.validation.Checked;

/**
 * The rules a registration passes before it is registered, whichever way it comes: a desk registration runs exactly
 * what a row of an uploaded list runs (the NIK's date, sex and region, the domicile, the phone, the bank code and
 * account), so "a NIK was given" always means "a NIK was validated".
 */
public interface RegistrationRules {

    /**
     * @return the registration normalised (the phone in E.164, the regency as the rules read it) with any warnings; no
     *     value when a problem rules it out or needs an officer's review, each problem naming its field in both
     *     languages
     */
    Checked<RegisterReturneeRequest> check(RegisterReturneeRequest request);
}
