package id.go.kemensos.returnee.security;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an officer may do, as the identity provider asserts it in the access token's {@code roles} claim. One person may
 * hold several (a finance lead may prepare and approve batches), but never prepares and approves the same batch: that
 * is checked by subject where the batch is decided, not by role.
 */
public enum OfficerRole {
    /**
     * Registers, uploads and amends the returnees of the province in the token's {@code province} claim, and no others.
     */
    PROVINCIAL_OFFICER,
    /** Nationwide: rules eligibility reviews and overrides, starts re-evaluations. */
    MINISTRY_OFFICER,
    /** Prepares payment batches, sets ceilings, imports bank statements, accepts account reviews, requests reissues. */
    FINANCE_MAKER,
    /** Approves or rejects payment batches that someone else prepared. */
    FINANCE_CHECKER,
    /**
     * Reads what an audit needs: ledger, verification, replays, timelines, justifications, reports. Changes nothing.
     */
    AUDITOR,
    /**
     * May learn that a person is, or may be, a trafficking victim (Law 21/2007 Art. 44): reads and rules decisions
     * under a restricted law and sees the facts that identify a victim (category, referral source). Nationwide, or
     * confined to the token's province when it has one. Nobody else learns it.
     */
    PROTECTION_OFFICER,
    /**
     * The data protection officer (Law 27/2022): reads who accessed personal data and, with a reason, has a person's
     * data erased. No business actions.
     */
    DATA_PROTECTION_OFFICER,
    /**
     * Follows returnees' cases in the province of the token's {@code province} claim: records their answers to the
     * services offered, refers them to partners and records what was delivered, for the cases assigned to them (by login
     * name, case-service's area list). Sees the services of their own cases, restricted ones included (need to know).
     */
    CASE_WORKER,
    /**
     * Not a person: a referral partner's system (a confidential client per organisation, client credentials grant)
     * reads the referrals made to the organisation in the token's {@code partner} claim and records whether it
     * delivered them. Nothing else; a token without a partner claim loses the role.
     */
    REFERRAL_PARTNER,
    /** Operates the platform: dead letters, topic and retention checks, metrics. No business actions. */
    PLATFORM_ADMIN,
    /** Not a person: the metrics collector's service account reads {@code /actuator/prometheus}, nothing else. */
    METRICS_READER;

    /** The authority Spring Security checks ({@code hasRole("AUDITOR")} matches {@code ROLE_AUDITOR}). */
    public String authority() {
        return "ROLE_" + name();
    }

    public static Optional<OfficerRole> named(String claimValue) {
        return Arrays.stream(values()).filter(r -> r.name().equals(claimValue)).findFirst();
    }
}
