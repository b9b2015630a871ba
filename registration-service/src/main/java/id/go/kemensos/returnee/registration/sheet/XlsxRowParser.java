package id.go.kemensos.returnee.registration.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * SAX pass over one worksheet. POI's {@link XSSFSheetXMLHandler} resolves shared and inline strings and formats values
 * as Excel shows them, but reports neither the cell type nor the stored number; this handler sits in front of it and
 * captures both, so that a NIK Excel typed as a number can be recognised and a phone number shown without ".0" or an
 * exponent.
 */
final class XlsxRowParser extends DefaultHandler implements SheetContentsHandler {

    /** Receives each row that has cells, with its Excel row number (1-based); the list is reused afterwards. */
    interface Sink {
        void row(long rowNumber, List<SheetCell> cells);
    }

    private static final DateTimeFormatter SHOWN_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    /** Excel keeps 15 significant digits; whole numbers below this are written out in full. */
    private static final BigDecimal PLAIN_LIMIT = new BigDecimal("1E15");

    private final XSSFSheetXMLHandler delegate;
    private final StylesTable styles;
    private final boolean date1904;
    private final Sink sink;
    private final List<SheetCell> cells = new ArrayList<>();
    private final StringBuilder value = new StringBuilder();
    private boolean inValue;
    private String cellType;
    private String cellStyle;
    private long dimensionLastRow = -1;
    private final SheetLimits limits;
    private long rowNumber;
    /**
     * Text characters since the current cell began: POI's handler buffers a cell whole, so a huge one is stopped here.
     */
    private long cellCharacters;

    XlsxRowParser(StylesTable styles, SharedStrings strings, boolean date1904, SheetLimits limits, Sink sink) {
        this.limits = limits;
        this.delegate = new XSSFSheetXMLHandler(styles, strings, this, new DataFormatter(Locale.ROOT), false);
        this.styles = styles;
        this.date1904 = date1904;
        this.sink = sink;
    }

    void parse(InputStream sheet) throws IOException, SAXException {
        try {
            XMLReader reader = XMLHelper.newXMLReader();
            reader.setContentHandler(this);
            reader.parse(new InputSource(sheet));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("No SAX parser available", e);
        }
    }

    /** The last row of the dimension element ({@code A1:AA1001} gives 1001), or -1 when absent. */
    long dimensionLastRow() {
        return dimensionLastRow;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
        switch (localName) {
            case "dimension" -> dimensionLastRow = lastRow(attributes.getValue("ref"));
            case "c" -> {
                cellCharacters = 0;
                cellType = attributes.getValue("t");
                cellStyle = attributes.getValue("s");
                value.setLength(0);
            }
            case "v" -> inValue = true;
            default -> {}
        }
        delegate.startElement(uri, localName, qName, attributes);
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        if ("v".equals(localName)) {
            inValue = false;
        }
        delegate.endElement(uri, localName, qName); // calls cell(...) below at the end of a value
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        cellCharacters += length;
        if (cellCharacters > limits.maxCellLength()) {
            limits.checkCell((int) Math.min(Integer.MAX_VALUE, cellCharacters), rowNumber);
        }
        if (inValue) {
            value.append(ch, start, length);
        }
        delegate.characters(ch, start, length);
    }

    @Override
    public void startRow(int rowNum) {
        rowNumber = rowNum + 1L;
        cells.clear();
    }

    @Override
    public void endRow(int rowNum) {
        sink.row(rowNum + 1L, cells);
    }

    @Override
    public void cell(String reference, String formattedValue, XSSFComment comment) {
        int column = reference == null ? cells.size() : columnIndex(reference);
        if (column >= limits.maxColumns() && formattedValue != null && !formattedValue.isBlank()) {
            limits.checkColumns(column + 1, rowNumber); // before padding up to a cell far to the right
        }
        while (cells.size() < column) {
            cells.add(SheetCell.EMPTY); // sparse row: Excel leaves empty cells out
        }
        SheetCell cell = toCell(formattedValue);
        if (column < cells.size()) {
            cells.set(column, cell);
        } else {
            cells.add(cell);
        }
    }

    private SheetCell toCell(String formatted) {
        if (cellType != null && !"n".equals(cellType)) {
            return SheetCell.text(formatted); // shared/inline/formula string, boolean, error
        }
        BigDecimal number;
        try {
            number = new BigDecimal(value.toString().strip());
        } catch (NumberFormatException e) {
            return SheetCell.text(formatted);
        }
        if (isDateFormatted() && DateUtil.isValidExcelDate(number.doubleValue())) {
            LocalDate date =
                    DateUtil.getLocalDateTime(number.doubleValue(), date1904).toLocalDate();
            return SheetCell.date(SHOWN_DATE.format(date), number, date);
        }
        boolean whole = number.signum() == 0 || number.stripTrailingZeros().scale() <= 0;
        if (whole && number.abs().compareTo(PLAIN_LIMIT) < 0) {
            return SheetCell.number(number.setScale(0).toPlainString(), number);
        }
        return SheetCell.number(formatted, number); // what the clerk sees, e.g. 5.20202E+15 for a damaged NIK
    }

    private boolean isDateFormatted() {
        int index = cellStyle != null ? Integer.parseInt(cellStyle) : 0;
        if (styles == null || index >= styles.getNumCellStyles()) {
            return false;
        }
        XSSFCellStyle style = styles.getStyleAt(index);
        short formatIndex = style.getDataFormat();
        String format = style.getDataFormatString();
        if (format == null) {
            format = BuiltinFormats.getBuiltinFormat(formatIndex);
        }
        return DateUtil.isADateFormat(formatIndex, format);
    }

    /** "AB12" -> 27; CellReference's regex parsing per cell costs more than the rest of the row. */
    static int columnIndex(String reference) {
        int column = 0;
        for (int i = 0; i < reference.length(); i++) {
            char c = reference.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                column = column * 26 + (c - 'A' + 1);
            } else if (c >= 'a' && c <= 'z') {
                column = column * 26 + (c - 'a' + 1);
            } else if (c != '$') {
                break;
            }
        }
        return column - 1;
    }

    private static long lastRow(String ref) {
        if (ref == null || ref.isBlank()) {
            return -1;
        }
        String last = ref.substring(ref.indexOf(':') + 1).replace("$", "");
        try {
            return new CellReference(last).getRow() + 1L;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }
}
