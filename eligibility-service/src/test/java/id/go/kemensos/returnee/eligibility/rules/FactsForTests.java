package id.go.kemensos.returnee.eligibility.rules;

/** FactsMother for tests outside this package. */
public final class FactsForTests {

    private FactsForTests() {}

    public static Facts sitiAminahDeportee() {
        return FactsMother.sitiAminahDeportee();
    }

    public static Facts sitiWithAccountOf(String holder) {
        return FactsMother.siti().accountHolderName(holder).build();
    }
}
