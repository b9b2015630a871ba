package id.go.kemensos.returnee.disbursement.reconciliation;

import com.prowidesoftware.swift.model.Tag;
import com.prowidesoftware.swift.model.field.Field61;
import com.prowidesoftware.swift.model.mt.mt9xx.MT940;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement of the paying account as SWIFT MT940 (Indonesian banks' cash management deliver it so), read by Prowide:
 * one or more messages, with or without the FIN envelope. A debit (D, or RC) is a transfer out; a credit (C, or RD)
 * that names one of our payments is that transfer coming back. The payment id is looked for in :61:'s own reference,
 * then in :86: (banks put the end-to-end reference there, e.g. /EREF/, as :61: holds only 16 characters). Bank charges,
 * interest, tax and commission entries, and credits that name no payment (the account being funded), are not transfers:
 * skipped.
 */
final class Mt940Statement {

    private static final Pattern PAYMENT_ID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Set<String> NOT_TRANSFERS = Set.of("CHG", "COM", "INT", "TAX");
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    private Mt940Statement() {}

    /** Whether the text looks like MT940 rather than CSV: a FIN block or a :20: tag first. */
    static boolean looksLikeMt940(String start) {
        String s = start.stripLeading();
        return s.startsWith("{1:") || s.startsWith("{4:") || s.startsWith(":20:");
    }

    static List<StatementLine> read(String text) {
        List<StatementLine> lines = new ArrayList<>();
        long entry = 0;
        for (String message : messages(text)) {
            MT940 statement;
            try {
                statement = MT940.parse(message);
            } catch (RuntimeException e) {
                throw unreadable("pesan MT940 tidak dapat dibaca / an MT940 message cannot be read: " + e.getMessage());
            }
            if (statement.getSwiftMessage() == null
                    || statement.getSwiftMessage().getBlock4() == null
                    || statement.getField20() == null) {
                throw unreadable("bukan MT940 (tidak ada :20:) / not MT940: no :20: field");
            }
            String currency = statement.getField60F() != null
                    ? statement.getField60F().getCurrency()
                    : statement.getField60M() != null ? statement.getField60M().getCurrency() : null;
            if (currency != null && !"IDR".equals(currency)) {
                throw unreadable(
                        "rekening dalam " + currency + ", bukan rupiah / the account is in " + currency + ", not IDR");
            }
            List<Tag> tags = statement.getSwiftMessage().getBlock4().getTags();
            for (int i = 0; i < tags.size(); i++) {
                if (!"61".equals(tags.get(i).getName())) {
                    continue;
                }
                entry++;
                String details =
                        i + 1 < tags.size() && "86".equals(tags.get(i + 1).getName())
                                ? tags.get(i + 1).getValue()
                                : "";
                StatementLine line = line(entry, new Field61(tags.get(i).getValue()), details);
                if (line != null) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }

    /** The entry as a transfer out or back; null for what is not a transfer. */
    private static StatementLine line(long entry, Field61 field, String details) {
        String mark = field.getDebitCreditMark();
        if (mark == null || field.getAmountAsBigDecimal() == null || field.getValueDate() == null) {
            throw unreadable("entri " + entry + ": :61: tidak lengkap / entry " + entry + ": incomplete :61: "
                    + field.getValue());
        }
        if (NOT_TRANSFERS.contains(field.getIdentificationCode())) {
            return null;
        }
        boolean out = mark.equals("D") || mark.equals("RC");
        String paymentId = paymentId(field.getReferenceForTheAccountOwner(), field.getSupplementaryDetails(), details);
        if (!out && paymentId == null) {
            return null;
        }
        return new StatementLine(
                entry,
                date(field.getValueDate(), entry),
                field.getReferenceOfTheAccountServicingInstitution(),
                paymentId != null ? paymentId : field.getReferenceForTheAccountOwner(),
                rupiah(field.getAmountAsBigDecimal(), entry),
                !out);
    }

    private static String paymentId(String... texts) {
        for (String text : texts) {
            Matcher m = text == null
                    ? null
                    : PAYMENT_ID.matcher(text.replace("\n", "").replace("\r", ""));
            if (m != null && m.find()) {
                return m.group().toLowerCase();
            }
        }
        return null;
    }

    private static LocalDate date(String yymmdd, long entry) {
        try {
            return LocalDate.parse(yymmdd, YYMMDD);
        } catch (DateTimeParseException e) {
            throw unreadable(
                    "entri " + entry + ": tanggal valuta '" + yymmdd + "' / entry " + entry + ": bad value date");
        }
    }

    private static long rupiah(BigDecimal amount, long entry) {
        try {
            return amount.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            throw unreadable("entri " + entry + ": jumlah " + amount.toPlainString() + " bukan rupiah bulat / entry "
                    + entry + ": the amount is not whole rupiah");
        }
    }

    /** The messages of a file: FIN messages as they are; bare tag blocks (each from its :20:) wrapped as block 4. */
    private static List<String> messages(String text) {
        List<String> messages = new ArrayList<>();
        if (text.contains("{4:")) {
            for (String part : text.split("(?=\\{1:)")) {
                if (!part.isBlank()) {
                    messages.add(part.strip());
                }
            }
        } else {
            for (String part : text.split("(?m)(?=^:20:)")) {
                if (!part.isBlank()) {
                    messages.add("{4:\n" + part.strip() + "\n-}");
                }
            }
        }
        return messages;
    }

    private static StatementReconciliation.UnreadableStatement unreadable(String reason) {
        return new StatementReconciliation.UnreadableStatement("Rekening koran MT940 tidak dapat dibaca: " + reason);
    }
}
