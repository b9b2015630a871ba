package id.go.kemensos.returnee.disbursement.document;

import id.go.kemensos.returnee.contracts.reference.BankCodes;
import id.go.kemensos.returnee.contracts.reference.ProvinceZones;
import id.go.kemensos.returnee.contracts.reference.RegencyNames;
import id.go.kemensos.returnee.disbursement.batch.PaymentBatches;
import id.go.kemensos.returnee.disbursement.payee.PayeeProjection;
import id.go.kemensos.returnee.disbursement.payee.PayeeSeal;
import id.go.kemensos.returnee.disbursement.payment.Payment;
import id.go.kemensos.returnee.disbursement.payment.PaymentRepository;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a batch's {@link NominalList} from the ledger: the batch row, every payment it holds (a cancelled one has left
 * it) and each payee's sealed name and masked NIK, opened with the person's key; an erased person's line says so.
 */
@Service
public class BatchDocuments {

    static final String ERASED = "[data dihapus]";
    private static final String UNKNOWN = "-";
    /** In the account column of a payment collected in cash. */
    static final String CASH = "tunai di Kantor Pos";
    /** The payer of a batch of cash payments, in place of a bank's name. */
    static final String POST_OFFICE = "PT Pos Indonesia (Persero)";

    private final PaymentBatches batches;
    private final PaymentRepository payments;
    private final PayeeProjection payees;
    private final BankCodes banks = BankCodes.load();
    private final RegencyNames regencies = RegencyNames.load();
    private final ProvinceZones provinces = ProvinceZones.load();

    BatchDocuments(PaymentBatches batches, PaymentRepository payments, PayeeProjection payees) {
        this.batches = batches;
        this.payments = payments;
        this.payees = payees;
    }

    @Transactional(readOnly = true)
    public Optional<NominalList> nominalList(UUID batchId) {
        return batches.find(batchId).map(this::of);
    }

    private NominalList of(PaymentBatches.Batch batch) {
        List<Payment> held = payments.inBatch(batch.batchId());
        Map<UUID, PayeeProjection.OpenedPayee> opened =
                payees.open(held.stream().map(Payment::beneficiaryId).toList());
        List<NominalList.Line> lines = new ArrayList<>();
        for (Payment p : held) {
            Optional<PayeeSeal.Payee> payee =
                    Optional.ofNullable(opened.get(p.beneficiaryId())).flatMap(PayeeProjection.OpenedPayee::opened);
            lines.add(new NominalList.Line(
                    lines.size() + 1,
                    p.paymentId(),
                    payee.map(PayeeSeal.Payee::fullName).orElse(ERASED),
                    payee.map(PayeeSeal.Payee::nikMasked).orElse(UNKNOWN),
                    regencies
                            .shortName(p.terms().regencyCode())
                            .orElse(p.terms().regencyCode()),
                    p.isCash() ? CASH : Optional.ofNullable(p.accountMasked()).orElse(UNKNOWN),
                    p.amount(),
                    p.state().name()));
        }
        ZoneId zone = provinces.zoneOf(batch.provinceCode());
        return new NominalList(
                batch.batchId(),
                batch.programId(),
                batch.cycleId(),
                batch.provinceCode(),
                provinces.nameOf(batch.provinceCode()),
                batch.bankCode(),
                PayeeProjection.POST_OFFICE.equals(batch.bankCode())
                        ? POST_OFFICE
                        : banks.find(batch.bankCode()).map(BankCodes.Bank::name).orElse(batch.bankCode()),
                batch.state(),
                Optional.ofNullable(batch.preparedByName()).orElse(batch.preparedBy()),
                at(batch.preparedAt(), zone),
                batch.decidedBy() == null
                        ? null
                        : Optional.ofNullable(batch.decidedByName()).orElse(batch.decidedBy()),
                at(batch.decidedAt(), zone),
                lines);
    }

    private static ZonedDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone);
    }
}
