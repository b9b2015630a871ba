package id.go.kemensos.returnee.console;

/**
 * A regency's share of its province's budget line ({@code GET /api/budgets/{program}/{province}/{year}/regencies}).
 */
public record RegencyBudget(
        String programId,
        String provinceCode,
        String fiscalYear,
        String regencyCode,
        long ceiling,
        long committed,
        String updatedBy) {

    public long available() {
        return ceiling - committed;
    }
}
