package id.go.kemensos.returnee.eligibility.rules;

import java.time.LocalDate;
import java.util.Set;

/**
 * Named registrations as eligibility sees them: a fictitious Siti Aminah of Lombok Tengah, and one fact changed at a
 * time.
 */
final class FactsMother {

    private FactsMother() {}

    /** A deportee from Malaysia, back in Lombok Tengah since September 2019, registered in November 2026. */
    static Facts sitiAminahDeportee() {
        return siti().build();
    }

    static Builder siti() {
        return new Builder();
    }

    static final class Builder {
        boolean nikValidated = true;
        String sex = "FEMALE";
        LocalDate birthDate = LocalDate.of(1990, 8, 15);
        String regencyCode = "5202";
        String category = "PMIB_DEPORTEE";
        String referralSource = "BP3MI";
        String traffickingStatus = null;
        LocalDate returnDate = LocalDate.of(2019, 9, 2);
        LocalDate registrationDate = LocalDate.of(2026, 11, 22);
        String bankCode = "002";
        String accountHolderName = "SITI AMINAH";
        Boolean dtksListed = true;
        Integer dtsenDecile = 2;
        Boolean attendedSocialGuidance = true;
        Set<String> paidGrants = Set.of();
        Boolean familyHasReturnedWorker = null;

        Builder nikValidated(boolean v) {
            nikValidated = v;
            return this;
        }

        Builder sex(String v) {
            sex = v;
            return this;
        }

        Builder birthDate(LocalDate v) {
            birthDate = v;
            return this;
        }

        Builder regencyCode(String v) {
            regencyCode = v;
            return this;
        }

        Builder category(String v) {
            category = v;
            return this;
        }

        Builder referralSource(String v) {
            referralSource = v;
            return this;
        }

        Builder traffickingStatus(String v) {
            traffickingStatus = v;
            return this;
        }

        Builder returnDate(LocalDate v) {
            returnDate = v;
            return this;
        }

        Builder registrationDate(LocalDate v) {
            registrationDate = v;
            return this;
        }

        /** No bank account at all: no bank and no holder. */
        Builder withoutAccount() {
            bankCode = null;
            accountHolderName = null;
            return this;
        }

        Builder accountHolderName(String v) {
            accountHolderName = v;
            return this;
        }

        Builder dtksListed(Boolean v) {
            dtksListed = v;
            return this;
        }

        Builder dtsenDecile(Integer v) {
            dtsenDecile = v;
            return this;
        }

        Builder attendedSocialGuidance(Boolean v) {
            attendedSocialGuidance = v;
            return this;
        }

        Builder familyHasReturnedWorker(Boolean v) {
            familyHasReturnedWorker = v;
            return this;
        }

        Builder paidGrants(Set<String> v) {
            paidGrants = v;
            return this;
        }

        Facts build() {
            return new Facts(
                    nikValidated,
                    sex,
                    birthDate,
                    "52",
                    regencyCode,
                    category,
                    referralSource,
                    traffickingStatus,
                    "MY",
                    returnDate,
                    registrationDate,
                    "SITI AMINAH",
                    bankCode,
                    accountHolderName,
                    dtksListed,
                    dtsenDecile,
                    attendedSocialGuidance,
                    paidGrants,
                    familyHasReturnedWorker);
        }
    }
}
