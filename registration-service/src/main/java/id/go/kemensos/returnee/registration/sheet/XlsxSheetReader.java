package id.go.kemensos.returnee.registration.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The worksheet of an XLSX file that holds the list, read with POI's SAX event model so that only the shared-string
 * table (distinct texts) is held in memory, never the rows. The list's sheet and its header are found by short first
 * passes: the first sheet, in workbook order, with a row among its first non-blank ones that names two of the list's
 * columns (an instructions sheet or a title above the table are passed over); failing that, the first sheet's first
 * non-blank row. The data pass parses that sheet again from the start.
 */
final class XlsxSheetReader extends SheetReader {

    private final OPCPackage pkg;
    private final Path spooled;
    private final XSSFReader xssf;
    private final StylesTable styles;
    private final SharedStrings strings;
    private final boolean date1904;
    private long headerRow = -1;
    /** The list's sheet, by its position in the workbook. */
    private int sheetIndex;

    private long dimensionLastRow = -1;

    /**
     * OPCPackage.open(InputStream) would buffer the whole archive in memory, so a stream is copied to a temp file
     * first.
     */
    static XlsxSheetReader spool(InputStream in, SheetLimits limits) throws IOException {
        Path file = Files.createTempFile("returnee-upload-", ".xlsx");
        try (in) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return new XlsxSheetReader(file, limits);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    private XlsxSheetReader(Path spooled, SheetLimits limits) throws IOException {
        super(limits);
        this.spooled = spooled;
        rejectNonZip(spooled);
        try {
            pkg = OPCPackage.open(spooled.toFile(), PackageAccess.READ);
        } catch (InvalidFormatException | POIXMLException | OpenXML4JRuntimeException | IllegalArgumentException e) {
            throw new SheetReadException("Not a readable XLSX file: " + e.getMessage(), e);
        }
        try {
            xssf = new XSSFReader(pkg);
            styles = xssf.getStylesTable();
            strings = XlsxSharedStrings.read(pkg, limits);
            date1904 = readDate1904();
            findHeader();
        } catch (OpenXML4JException | SAXException | POIXMLException | IOException e) {
            // An IOException here comes from the local copy just written: the archive's content failed (POI's zip-bomb
            // guard among others), not the disk.
            pkg.revert();
            throw new SheetReadException("Not a readable XLSX file: " + e.getMessage(), e);
        } catch (SheetReadException e) {
            pkg.revert();
            throw e;
        } catch (RuntimeException e) {
            pkg.revert();
            throw damaged(e);
        }
    }

    @Override
    public SheetFormat format() {
        return SheetFormat.XLSX;
    }

    @Override
    public OptionalLong totalRowsHint() {
        // Some writers put only "A1" here; a dimension ending at or above the header tells nothing.
        return headerRow > 0 && dimensionLastRow > headerRow
                ? OptionalLong.of(dimensionLastRow - headerRow)
                : OptionalLong.empty();
    }

    @Override
    protected void readRows(RowHandler handler) throws IOException {
        if (headerRow < 0) {
            return;
        }
        long[] previous = {headerRow};
        parseSheet(sheetIndex, (rowNumber, cells) -> {
            if (rowNumber <= headerRow) {
                return;
            }
            blankRows(rowNumber - previous[0] - 1); // rows Excel leaves out of the file because they are empty
            previous[0] = rowNumber;
            row(rowNumber, cells, handler);
        });
    }

    @Override
    public void close() throws IOException {
        try {
            pkg.revert(); // read-only: never write the package back
        } finally {
            Files.deleteIfExists(spooled);
        }
    }

    private void findHeader() throws IOException, SAXException, OpenXML4JException {
        int sheets = sheetCount();
        SheetHeader.Search firstSheet = null;
        long firstSheetDimension = -1;
        for (int index = 0; index < sheets; index++) {
            SheetHeader.Search search = new SheetHeader.Search();
            XlsxRowParser parser = parseSheet(index, (rowNumber, cells) -> {
                if (SheetHeader.isBlank(cells)) {
                    return;
                }
                List<String> names = new ArrayList<>(cells.size());
                cells.forEach(cell -> names.add(cell.text()));
                if (search.offer(rowNumber, names)) {
                    throw StopParsing.INSTANCE;
                }
            });
            if (search.found()) {
                use(index, search, parser.dimensionLastRow());
                return;
            }
            if (index == 0) {
                firstSheet = search;
                firstSheetDimension = parser.dimensionLastRow();
            }
        }
        if (firstSheet != null && firstSheet.row() >= 0) {
            use(0, firstSheet, firstSheetDimension);
        }
    }

    private void use(int index, SheetHeader.Search header, long dimension) {
        sheetIndex = index;
        headerRow = header.row();
        dimensionLastRow = dimension;
        header(header.row(), header.names());
    }

    private int sheetCount() throws IOException, OpenXML4JException {
        int count = 0;
        Iterator<InputStream> sheets = xssf.getSheetsData();
        while (sheets.hasNext()) {
            sheets.next().close();
            count++;
        }
        if (count == 0) {
            throw new SheetReadException("The XLSX file has no worksheet");
        }
        return count;
    }

    private XlsxRowParser parseSheet(int index, XlsxRowParser.Sink sink) throws IOException {
        Failure failure = new Failure();
        XlsxRowParser parser = new XlsxRowParser(styles, strings, date1904, limits, (rowNumber, cells) -> {
            try {
                sink.row(rowNumber, cells);
            } catch (RuntimeException e) {
                failure.cause = e; // carried past the SAX parser unchanged
                throw StopParsing.INSTANCE;
            }
        });
        try {
            Iterator<InputStream> sheets = xssf.getSheetsData();
            for (int skipped = 0; skipped < index; skipped++) {
                sheets.next().close();
            }
            if (!sheets.hasNext()) {
                throw new SheetReadException("The XLSX file has no worksheet");
            }
            try (InputStream sheet = sheets.next()) {
                parser.parse(sheet);
            }
        } catch (StopParsing stop) {
            // handled below
        } catch (SAXException e) {
            if (!(e.getCause() instanceof StopParsing) && !(e.getException() instanceof StopParsing)) {
                throw new SheetReadException("Broken worksheet XML: " + e.getMessage(), e);
            }
        } catch (OpenXML4JException | POIXMLException | IOException e) {
            throw new SheetReadException("Not a readable XLSX file: " + e.getMessage(), e);
        } catch (SheetReadException e) {
            throw e;
        } catch (RuntimeException e) { // from POI or the XML parser; what the sink throws is carried in failure
            throw damaged(e);
        }
        if (failure.cause != null && failure.cause != StopParsing.INSTANCE) {
            throw failure.cause;
        }
        return parser;
    }

    /**
     * POI falls back to buffering a damaged archive whole in memory, so anything that does not start like a ZIP is
     * refused here; the commonest case is an old .xls (or a password-protected workbook), both OLE2 files.
     */
    private static void rejectNonZip(Path file) throws IOException {
        byte[] magic;
        try (InputStream in = Files.newInputStream(file)) {
            magic = in.readNBytes(4);
        }
        if (SheetFormat.fromMagic(magic) != SheetFormat.XLSX) {
            boolean ole2 = magic.length == 4
                    && (magic[0] & 0xFF) == 0xD0
                    && (magic[1] & 0xFF) == 0xCF
                    && (magic[2] & 0xFF) == 0x11
                    && (magic[3] & 0xFF) == 0xE0;
            throw new SheetReadException(
                    ole2
                            ? "An Excel 97-2003 (.xls) or password-protected workbook; save it as an unprotected "
                                    + ".xlsx or CSV"
                            : "Not an XLSX file");
        }
    }

    /** Dates count from 1904 in workbooks saved that way by old Mac Excel; the flag sits in workbook.xml. */
    private boolean readDate1904() throws IOException, SAXException, OpenXML4JException {
        boolean[] flag = {false};
        try (InputStream workbook = xssf.getWorkbookData()) {
            XMLReader reader = XMLHelper.newXMLReader();
            reader.setContentHandler(new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes) {
                    if ("workbookPr".equals(localName)) {
                        String value = attributes.getValue("date1904");
                        flag[0] = "1".equals(value) || "true".equalsIgnoreCase(value);
                    }
                }
            });
            reader.parse(new InputSource(workbook));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("No SAX parser available", e);
        }
        return flag[0];
    }

    /** POI meets a damaged or cut-short archive with whatever fails first (a missing part, a null); say it plainly. */
    private static SheetReadException damaged(RuntimeException e) {
        return new SheetReadException(
                "Not a readable XLSX file: the workbook is damaged or incomplete; open it in Excel and save it again",
                e);
    }

    private static final class Failure {
        RuntimeException cause;
    }

    /** Ends a SAX pass early; no stack trace, it is control flow. */
    private static final class StopParsing extends RuntimeException {
        static final StopParsing INSTANCE = new StopParsing();

        private StopParsing() {
            super("stop", null, false, false);
        }
    }
}
