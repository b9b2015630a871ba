package id.go.kemensos.returnee.console;

/** A program's ceiling for a province and fiscal year, and what is committed against it ({@code /api/budgets}). */
public record Budget(
        String programId, String provinceCode, String fiscalYear, long ceiling, long committed, String updatedBy) {

    public long available() {
        return ceiling - committed;
    }

    /** Committed as a percentage of the ceiling, for the bar (0 when there is no ceiling yet). */
    public int percentCommitted() {
        return ceiling <= 0 ? 0 : (int) Math.min(100, committed * 100 / ceiling);
    }
}
