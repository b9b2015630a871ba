package id.go.kemensos.returnee.disbursement.document;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import id.go.kemensos.returnee.disbursement.payee.PayeeProjection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The batch's documents as files finance prints, signs and files: the nominal list as XLSX (for checking and merging)
 * and PDF, and the handover record as PDF, both naming the maker and the checker. Built from a {@link NominalList}
 * only, so what they say is what the ledger holds.
 */
public final class BatchDocumentFiles {

    static final List<String> COLUMNS =
            List.of("No", "Nama", "NIK", "Kabupaten/Kota", "Rekening", "Jumlah (Rp)", "Status", "ID pembayaran");
    private static final Locale INDONESIA = Locale.forLanguageTag("id-ID");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm zzz", INDONESIA);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", INDONESIA);

    private BatchDocumentFiles() {}

    /** The nominal list as a workbook: the batch's particulars on top, then one row per payment and the total. */
    public static byte[] nominalListXlsx(NominalList list) {
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Daftar nominatif");
            XSSFFont boldFont = book.createFont();
            boldFont.setBold(true);
            CellStyle bold = book.createCellStyle();
            bold.setFont(boldFont);
            CellStyle header = book.createCellStyle();
            header.setFont(boldFont);
            header.setBorderBottom(BorderStyle.THIN);
            CellStyle rupiah = book.createCellStyle();
            rupiah.setDataFormat(book.createDataFormat().getFormat("#,##0"));
            CellStyle rupiahBold = book.createCellStyle();
            rupiahBold.cloneStyleFrom(rupiah);
            rupiahBold.setFont(boldFont);

            int r = 0;
            Row title = sheet.createRow(r++);
            title.createCell(0).setCellValue(title(list));
            title.getCell(0).setCellStyle(bold);
            for (String[] particular : particulars(list)) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(particular[0]);
                row.createCell(1).setCellValue(particular[1]);
            }
            r++;
            Row head = sheet.createRow(r++);
            for (int c = 0; c < COLUMNS.size(); c++) {
                head.createCell(c).setCellValue(COLUMNS.get(c));
                head.getCell(c).setCellStyle(header);
            }
            for (NominalList.Line line : list.lines()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(line.number());
                row.createCell(1).setCellValue(line.fullName());
                row.createCell(2).setCellValue(line.nikMasked());
                row.createCell(3).setCellValue(line.regency());
                row.createCell(4).setCellValue(line.accountMasked());
                row.createCell(5).setCellValue(line.amount());
                row.getCell(5).setCellStyle(rupiah);
                row.createCell(6).setCellValue(line.state());
                row.createCell(7).setCellValue(line.paymentId().toString());
            }
            Row total = sheet.createRow(r);
            total.createCell(1).setCellValue("Jumlah: " + list.lines().size() + " penerima");
            total.getCell(1).setCellStyle(bold);
            total.createCell(5).setCellValue(list.total());
            total.getCell(5).setCellStyle(rupiahBold);
            int[] widths = {6, 34, 20, 24, 14, 14, 12, 38};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The nominal list's workbook could not be written", e);
        }
    }

    /** The nominal list as a landscape PDF with the maker's and checker's names under it. */
    public static byte[] nominalListPdf(NominalList list) {
        return pdf(list, true, document -> {
            PdfPTable table = new PdfPTable(new float[] {4, 24, 14, 16, 10, 11, 9, 22});
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            Font head = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8);
            Font body = FontFactory.getFont(FontFactory.HELVETICA, 8);
            COLUMNS.forEach(c -> table.addCell(new PdfPCell(new Phrase(c, head))));
            for (NominalList.Line line : list.lines()) {
                table.addCell(new Phrase(String.valueOf(line.number()), body));
                table.addCell(new Phrase(line.fullName(), body));
                table.addCell(new Phrase(line.nikMasked(), body));
                table.addCell(new Phrase(line.regency(), body));
                table.addCell(new Phrase(line.accountMasked(), body));
                PdfPCell amount = new PdfPCell(new Phrase(rupiah(line.amount()), body));
                amount.setHorizontalAlignment(Element.ALIGN_RIGHT);
                table.addCell(amount);
                table.addCell(new Phrase(line.state(), body));
                table.addCell(new Phrase(line.paymentId().toString(), body));
            }
            PdfPCell totalLabel =
                    new PdfPCell(new Phrase("Jumlah: " + list.lines().size() + " penerima", head));
            totalLabel.setColspan(5);
            table.addCell(totalLabel);
            PdfPCell total = new PdfPCell(new Phrase(rupiah(list.total()), head));
            total.setHorizontalAlignment(Element.ALIGN_RIGHT);
            table.addCell(total);
            PdfPCell rest = new PdfPCell(new Phrase(""));
            rest.setColspan(2);
            table.addCell(rest);
            document.add(table);
            signatures(document, list, false);
        });
    }

    /**
     * The handover record (berita acara serah terima) of an approved batch: the list and the order to pay are handed to
     * the paying bank, prepared by the maker and approved by the checker.
     */
    public static byte[] handoverRecordPdf(NominalList list) {
        if (!list.approved()) {
            throw new IllegalStateException("Batch " + list.batchId() + " is " + list.state()
                    + ": a handover record is made once its checker has approved it");
        }
        return pdf(list, false, document -> {
            Font body = FontFactory.getFont(FontFactory.HELVETICA, 11);
            document.add(new Paragraph(
                    "Pada tanggal " + DAY.format(list.decidedAt()) + ", atas batch pembayaran " + list.batchId()
                            + " (program " + list.programId() + ", siklus " + list.cycleId() + ", "
                            + list.provinceName()
                            + ") yang disiapkan oleh " + list.makerName() + " dan disetujui oleh " + list.checkerName()
                            + ", telah diserahterimakan daftar nominatif dan perintah penyaluran bantuan kepada "
                            + list.lines().size() + " penerima dengan jumlah seluruhnya Rp " + rupiah(list.total())
                            + " melalui " + list.bankName() + " (kode " + list.bankCode() + "), "
                            + (list.bankCode().equals(PayeeProjection.POST_OFFICE)
                                    ? "untuk dibayarkan tunai kepada masing-masing penerima di Kantor Pos dengan"
                                            + " kode pengambilan dan KTP, sebelum batas waktu pengambilan,"
                                    : "untuk ditransfer langsung ke rekening masing-masing penerima")
                            + " sebagaimana daftar nominatif terlampir.",
                    body));
            document.add(new Paragraph(
                    "Bantuan ini tidak dipungut biaya apa pun. Dana yang tidak dapat ditransfer atau dikembalikan"
                            + " bank dicatat kembali pada buku besar pembayaran dan tidak dibayarkan dua kali.",
                    body));
            document.add(
                    new Paragraph("Demikian berita acara ini dibuat untuk dipergunakan sebagaimana mestinya.", body));
            signatures(document, list, true);
        });
    }

    private interface Body {
        void write(Document document) throws DocumentException;
    }

    private static byte[] pdf(NominalList list, boolean landscape, Body body) {
        Document document = new Document(landscape ? PageSize.A4.rotate() : PageSize.A4, 36, 36, 36, 36);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfWriter.getInstance(document, out);
        String title = landscape ? title(list) : "BERITA ACARA SERAH TERIMA BANTUAN";
        document.addTitle(title + " " + list.batchId());
        document.addCreator("returnee-platform disbursement-service");
        document.open();
        try {
            Paragraph heading = new Paragraph(title, FontFactory.getFont(FontFactory.HELVETICA_BOLD, 13));
            heading.setAlignment(Element.ALIGN_CENTER);
            document.add(heading);
            Font small = FontFactory.getFont(FontFactory.HELVETICA, 9);
            for (String[] particular : particulars(list)) {
                document.add(new Paragraph(particular[0] + ": " + particular[1], small));
            }
            document.add(new Paragraph(" "));
            body.write(document);
        } catch (DocumentException e) {
            throw new IllegalStateException("The document of batch " + list.batchId() + " could not be written", e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    private static void signatures(Document document, NominalList list, boolean withBank) throws DocumentException {
        document.add(new Paragraph(" "));
        PdfPTable signatures = new PdfPTable(withBank ? 3 : 2);
        signatures.setWidthPercentage(100);
        Font font = FontFactory.getFont(FontFactory.HELVETICA, 10);
        signatures.addCell(signature("Disiapkan oleh (pembuat daftar)", list.makerName(), list.preparedAt(), font));
        signatures.addCell(signature(
                "Disetujui oleh (pemeriksa)",
                list.checkerName() == null ? "(belum disetujui)" : list.checkerName(),
                list.decidedAt(),
                font));
        if (withBank) {
            signatures.addCell(signature("Diterima oleh (bank penyalur)", list.bankName(), null, font));
        }
        document.add(signatures);
    }

    private static PdfPCell signature(String role, String name, ZonedDateTime when, Font font) {
        PdfPCell cell = new PdfPCell();
        cell.setBorder(PdfPCell.NO_BORDER);
        cell.addElement(new Paragraph(role, font));
        cell.addElement(new Paragraph(when == null ? " " : WHEN.format(when), font));
        cell.addElement(new Paragraph("\n\n\n", font));
        cell.addElement(new Paragraph(name, font));
        return cell;
    }

    private static String title(NominalList list) {
        return "DAFTAR NOMINATIF PENERIMA BANTUAN " + list.programId() + " " + list.cycleId();
    }

    private static List<String[]> particulars(NominalList list) {
        return List.of(
                new String[] {"Batch", list.batchId().toString()},
                new String[] {"Program / siklus", list.programId() + " / " + list.cycleId()},
                new String[] {"Provinsi", list.provinceName() + " (" + list.provinceCode() + ")"},
                new String[] {"Bank penyalur", list.bankName() + " (" + list.bankCode() + ")"},
                new String[] {"Status", list.state()},
                new String[] {"Disiapkan", list.makerName() + ", " + WHEN.format(list.preparedAt())},
                new String[] {
                    "Disetujui",
                    list.checkerName() == null ? "belum" : list.checkerName() + ", " + WHEN.format(list.decidedAt())
                });
    }

    static String rupiah(long amount) {
        return NumberFormat.getIntegerInstance(INDONESIA).format(amount);
    }
}
