package id.go.kemensos.returnee.eligibility.rules;

/** FactsMother for tests outside this package. */
public final class FactsForTests {

    private FactsForTests() {}

    public static Facts sitiAminahDeportee() {
        return FactsMother.sitiAminahDeportee();
    }

    /** A deported worker who came home on {@code returned}. */
    public static Facts deporteeReturnedOn(java.time.LocalDate returned) {
        return FactsMother.siti().category("PMIB_DEPORTEE").returnDate(returned).build();
    }

    public static Facts sitiWithAccountOf(String holder) {
        return FactsMother.siti().accountHolderName(holder).build();
    }
}
