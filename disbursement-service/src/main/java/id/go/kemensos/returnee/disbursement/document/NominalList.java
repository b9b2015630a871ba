package id.go.kemensos.returnee.disbursement.document;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What a payment batch's documents say (daftar nominatif and berita acara serah terima): the batch, its maker and
 * checker by name, and one line per payment in it, personal data masked as on every screen. Dates are in the time of
 * the batch's province.
 *
 * @param checkerName null while the batch waits for its checker
 */
public record NominalList(
        UUID batchId,
        String programId,
        String cycleId,
        String provinceCode,
        String provinceName,
        String bankCode,
        String bankName,
        String state,
        String makerName,
        ZonedDateTime preparedAt,
        String checkerName,
        ZonedDateTime decidedAt,
        List<Line> lines) {

    /** One payment: who (name and masked NIK), where, to which masked account, how much, and what became of it. */
    public record Line(
            int number,
            UUID paymentId,
            String fullName,
            String nikMasked,
            String regency,
            String accountMasked,
            long amount,
            String state) {}

    public long total() {
        return lines.stream().mapToLong(Line::amount).sum();
    }

    public boolean approved() {
        return checkerName != null && !"REJECTED".equals(state) && !"PREPARED".equals(state);
    }
}
