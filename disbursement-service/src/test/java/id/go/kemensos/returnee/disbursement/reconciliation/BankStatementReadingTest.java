package id.go.kemensos.returnee.disbursement.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Both statement formats give the same entries: the transfers out and back, by payment id; nothing else. */
class BankStatementReadingTest {

    private static final String PAID = "0190f2a1-1111-7222-8333-944455556666";
    private static final String CAME_BACK = "0190f2a1-1111-7222-8333-944455557777";

    /** As a bank's cash management exports it: no FIN envelope, two statements (two days) in one file. */
    private static final String MT940 = """
            :20:STMT261122
            :25:0020000960000
            :28C:00321/001
            :60F:C261122IDR100000000000,00
            :61:2611221122C50000000,00NTRFTOPUP//BNK0001
            :86:PENAMBAHAN DANA BANSOS KEMENSOS
            :61:2611221122D960000,00NTRFNONREF//BNK0002
            :86:/EREF/0190f2a1-1111-7222-8333-944455556666/BENM/002 012398200001501
            :61:2611221122D6500,00NCHGNONREF//BNK0003
            :86:BIAYA TRANSFER
            :61:2611221122D960000,00NTRFNONREF//BNK0004
            :86:/EREF/0190F2A1-1111-7222-8333-944455557777
            SITI AMINAH
            :62F:C261122IDR148073500,00
            :20:STMT261123
            :25:0020000960000
            :28C:00322/001
            :60F:C261123IDR148073500,00
            :61:2611231123C960000,00NRTINONREF//BNK0004R
            :86:/RTRN/AC04/EREF/0190f2a1-1111-7222-8333-944455557777
            :61:2611231123D1250000,00NTRFINV-4411//BNK0005
            :86:PEMBAYARAN LAIN
            :61:2611231123C1234,56NINTNONREF//BNK0006
            :86:BUNGA
            :62F:C261123IDR147784734,56
            """;

    @Test
    void mt940GivesTheTransfersOutAndBackByPaymentId() {
        List<StatementLine> lines = Mt940Statement.read(MT940);

        assertThat(lines)
                .containsExactly(
                        new StatementLine(2, LocalDate.of(2026, 11, 22), "BNK0002", PAID, 960_000, false),
                        new StatementLine(4, LocalDate.of(2026, 11, 22), "BNK0004", CAME_BACK, 960_000, false),
                        new StatementLine(5, LocalDate.of(2026, 11, 23), "BNK0004R", CAME_BACK, 960_000, true),
                        new StatementLine(6, LocalDate.of(2026, 11, 23), "BNK0005", "INV-4411", 1_250_000, false));
        // Skipped: the account's funding (a credit naming no payment), the transfer fee (NCHG), the interest (NINT).
    }

    @Test
    void mt940InItsFinEnvelopeReadsTheSame() {
        String fin = "{1:F01BRINIDJAAXXX0000000000}{2:O9400000261123BRINIDJAXXXX00000000002611230000N}{4:\n"
                + MT940.substring(0, MT940.indexOf(":20:STMT261123")) + "-}";

        assertThat(Mt940Statement.looksLikeMt940(fin)).isTrue();
        assertThat(Mt940Statement.read(fin))
                .extracting(StatementLine::partnerReference)
                .containsExactly(PAID, CAME_BACK);
    }

    @Test
    void mt940InAnotherCurrencyOrWithSenIsRefusedWithTheReason() {
        assertThatThrownBy(() -> Mt940Statement.read(MT940.replace("IDR", "USD")))
                .isInstanceOf(StatementReconciliation.UnreadableStatement.class)
                .hasMessageContaining("not IDR");
        assertThatThrownBy(() -> Mt940Statement.read(
                        MT940.replace("D960000,00NTRFNONREF//BNK0002", "D960000,50NTRFNONREF//BNK0002")))
                .isInstanceOf(StatementReconciliation.UnreadableStatement.class)
                .hasMessageContaining("entry 2")
                .hasMessageContaining("whole rupiah");
    }

    @Test
    void csvGivesTheSameEntries() throws IOException {
        String csv = """
                value_date,bank_reference,partner_reference,beneficiary_bank_code,beneficiary_account_no,amount,status
                2026-11-22,BNK0002,0190f2a1-1111-7222-8333-944455556666,002,012398200001501,960000,SUCCESS
                2026-11-22,BNK0004,0190f2a1-1111-7222-8333-944455557777,002,012398200002501,960000,RETURNED
                """;

        assertThat(Mt940Statement.looksLikeMt940(csv)).isFalse();
        assertThat(CsvStatement.read(new StringReader(csv)))
                .containsExactly(
                        new StatementLine(2, LocalDate.of(2026, 11, 22), "BNK0002", PAID, 960_000, false),
                        new StatementLine(3, LocalDate.of(2026, 11, 22), "BNK0004", CAME_BACK, 960_000, true));
        assertThatThrownBy(() -> CsvStatement.read(new StringReader(csv.replace("960000,SUCCESS", "960000.5,SUCCESS"))))
                .isInstanceOf(StatementReconciliation.UnreadableStatement.class)
                .hasMessageContaining("line 2");
    }
}
