package id.go.kemensos.returnee.testsupport;

import id.go.kemensos.returnee.infra.identity.DemoOfficers;

/**
 * Access tokens of the local stack's demo officers, obtained from the identity provider as any client would (the OAuth
 * 2.0 password grant of the demo realm's command-line client); the services validate them like any other.
 */
public final class OfficerLogin {

    public static final String CLERK_NTB = DemoOfficers.Officer.CLERK_NTB.username();
    public static final String CLERK_BALI = DemoOfficers.Officer.CLERK_BALI.username();
    public static final String MINISTRY = DemoOfficers.Officer.OFFICER_PUSAT.username();
    public static final String FINANCE_MAKER = DemoOfficers.Officer.FINANCE_MAKER.username();
    public static final String FINANCE_CHECKER = DemoOfficers.Officer.FINANCE_CHECKER.username();
    public static final String FINANCE_LEAD = DemoOfficers.Officer.FINANCE_LEAD.username();
    public static final String AUDITOR = DemoOfficers.Officer.AUDITOR.username();
    public static final String ADMIN = DemoOfficers.Officer.ADMIN.username();
    public static final String PROTECTION_PUSAT = DemoOfficers.Officer.PROTECTION_PUSAT.username();
    public static final String PROTECTION_NTB = DemoOfficers.Officer.PROTECTION_NTB.username();
    public static final String DPO = DemoOfficers.Officer.DPO.username();
    public static final String CASEWORKER_NTB = DemoOfficers.Officer.CASEWORKER_NTB.username();
    public static final String CASEWORKER_BALI = DemoOfficers.Officer.CASEWORKER_BALI.username();
    public static final String CASEWORKER_BIMA = DemoOfficers.Officer.CASEWORKER_BIMA.username();

    private OfficerLogin() {}

    /** The Authorization header value for the officer. */
    public static String bearer(String username) {
        return "Bearer " + DemoOfficers.local().accessToken(username);
    }

    /** The provincial clerk of a province the demo realm has one for (51 Bali, 52 Nusa Tenggara Barat). */
    public static String clerkOf(String provinceCode) {
        return switch (provinceCode) {
            case "52" -> CLERK_NTB;
            case "51" -> CLERK_BALI;
            default -> throw new IllegalArgumentException("The demo realm has no clerk for province " + provinceCode);
        };
    }
}
