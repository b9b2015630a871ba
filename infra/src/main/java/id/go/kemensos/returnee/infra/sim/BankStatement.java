package id.go.kemensos.returnee.infra.sim;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

/** Renders the simulated bank's statement CSV, one line per executed credit (SUCCESS or RETURNED), amounts in whole rupiah. */
final class BankStatement {

    static final String HEADER =
            "value_date,bank_reference,partner_reference,beneficiary_bank_code,beneficiary_account_no,amount,status";

    /** Value dates are bank-local (WIB), as on a real Indonesian statement. */
    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    private BankStatement() {
    }

    /**
     * Written by hand (no CSV library on this classpath): every field is digits, a UUID, a bank code or a fixed word,
     * so nothing ever needs quoting or escaping. The holder name, which could contain commas, is deliberately absent.
     */
    static String csv(List<ExecutedTransfer> transfersInExecutionOrder, Set<String> returnedReferences) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (ExecutedTransfer t : transfersInExecutionOrder) {
            csv.append(DateTimeFormatter.ISO_LOCAL_DATE.format(t.executedAt().atZone(WIB))).append(',')
                    .append(t.bankReference()).append(',')
                    .append(t.partnerReferenceNo()).append(',')
                    .append(t.bankCode()).append(',')
                    .append(t.accountNo()).append(',')
                    .append(t.amount()).append(returnedReferences.contains(t.partnerReferenceNo()) ? ",RETURNED\n" : ",SUCCESS\n");
        }
        return csv.toString();
    }
}
