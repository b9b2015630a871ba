package id.go.kemensos.returnee.infra.sim;

import com.prowidesoftware.swift.model.field.Field20;
import com.prowidesoftware.swift.model.field.Field25;
import com.prowidesoftware.swift.model.field.Field28C;
import com.prowidesoftware.swift.model.field.Field60F;
import com.prowidesoftware.swift.model.field.Field61;
import com.prowidesoftware.swift.model.field.Field62F;
import com.prowidesoftware.swift.model.field.Field86;
import com.prowidesoftware.swift.model.mt.mt9xx.MT940;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

/**
 * Renders the simulated bank's statement of the paying account: as CSV, one line per executed credit (SUCCESS or
 * RETURNED), amounts in whole rupiah; or as SWIFT MT940, as Indonesian banks' cash management deliver it.
 */
final class BankStatement {

    static final String HEADER =
            "value_date,bank_reference,partner_reference,beneficiary_bank_code,beneficiary_account_no,amount,status";

    /** Value dates are bank-local (WIB), as on a real Indonesian statement. */
    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    private BankStatement() {}

    /**
     * Written by hand (no CSV library on this classpath): every field is digits, a UUID, a bank code or a fixed word,
     * so nothing ever needs quoting or escaping. The holder name, which could contain commas, is deliberately absent.
     */
    static String csv(List<ExecutedTransfer> transfersInExecutionOrder, Set<String> returnedReferences) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (ExecutedTransfer t : transfersInExecutionOrder) {
            csv.append(DateTimeFormatter.ISO_LOCAL_DATE.format(t.executedAt().atZone(WIB)))
                    .append(',')
                    .append(t.bankReference())
                    .append(',')
                    .append(t.partnerReferenceNo())
                    .append(',')
                    .append(t.bankCode())
                    .append(',')
                    .append(t.accountNo())
                    .append(',')
                    .append(t.amount())
                    .append(returnedReferences.contains(t.partnerReferenceNo()) ? ",RETURNED\n" : ",SUCCESS\n");
        }
        return csv.toString();
    }

    /** The paying account, as :25: shows it. */
    static final String ACCOUNT = "0020000960000";

    private static final BigDecimal OPENING_BALANCE = new BigDecimal("100000000000");
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    /**
     * One MT940 message (Prowide builds it): each transfer a debit ({@code D ... NTRF}) whose end-to-end reference, the
     * payment id, is in :86: as {@code /EREF/} (the 16 characters of :61:'s own reference cannot hold it); a returned
     * transfer a credit back ({@code C ... NRTI}, return reason AC04: account closed) right after it.
     */
    static String mt940(
            List<ExecutedTransfer> transfersInExecutionOrder, Set<String> returnedReferences, LocalDate today) {
        MT940 statement = new MT940();
        statement.addField(new Field20("STMT" + YYMMDD.format(today)));
        statement.addField(new Field25(ACCOUNT));
        statement.addField(new Field28C("1/1"));
        LocalDate first = transfersInExecutionOrder.isEmpty()
                ? today
                : transfersInExecutionOrder.get(0).executedAt().atZone(WIB).toLocalDate();
        statement.addField(new Field60F()
                .setDCMark("C")
                .setDate(YYMMDD.format(first))
                .setCurrency("IDR")
                .setAmount(OPENING_BALANCE));
        BigDecimal balance = OPENING_BALANCE;
        for (ExecutedTransfer t : transfersInExecutionOrder) {
            LocalDate booked = t.executedAt().atZone(WIB).toLocalDate();
            BigDecimal amount = BigDecimal.valueOf(t.amount());
            statement.addField(entry(booked, "D", amount, "NTRF", t.bankReference()));
            statement.addField(
                    new Field86("/EREF/" + t.partnerReferenceNo() + "/BENM/" + t.bankCode() + " " + t.accountNo()));
            balance = balance.subtract(amount);
            if (returnedReferences.contains(t.partnerReferenceNo())) {
                statement.addField(entry(booked, "C", amount, "NRTI", t.bankReference() + "R"));
                statement.addField(new Field86("/RTRN/AC04/EREF/" + t.partnerReferenceNo()));
                balance = balance.add(amount);
            }
        }
        statement.addField(new Field62F()
                .setDCMark(balance.signum() < 0 ? "D" : "C")
                .setDate(YYMMDD.format(today))
                .setCurrency("IDR")
                .setAmount(balance.abs()));
        return statement.message();
    }

    private static Field61 entry(
            LocalDate valueDate, String mark, BigDecimal amount, String type, String bankReference) {
        return new Field61()
                .setValueDate(YYMMDD.format(valueDate))
                .setDebitCreditMark(mark)
                .setAmount(amount)
                .setTransactionType(type.substring(0, 1))
                .setIdentificationCode(type.substring(1))
                .setReferenceForTheAccountOwner("NONREF")
                .setReferenceOfTheAccountServicingInstitution(
                        bankReference.length() > 16 ? bankReference.substring(0, 16) : bankReference);
    }
}
