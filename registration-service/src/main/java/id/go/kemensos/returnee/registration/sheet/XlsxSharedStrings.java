package id.go.kemensos.returnee.registration.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.hssf.usermodel.HSSFRichTextString;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The shared-string table as plain strings, read the way ReadOnlySharedStringsTable reads it (runs joined, phonetic
 * runs left out). POI's own table builds an XMLBeans-backed XSSFRichTextString on every lookup, which made each string
 * cell cost more than the rest of the row; here a lookup wraps the string in the lightweight HSSF implementation.
 */
final class XlsxSharedStrings extends DefaultHandler implements SharedStrings {

    private final List<String> strings = new ArrayList<>();
    private final SheetLimits limits;
    private long characters;
    private final StringBuilder text = new StringBuilder();
    private boolean inText;
    private boolean inPhonetic;
    private int count;

    private XlsxSharedStrings(SheetLimits limits) {
        this.limits = limits;
    }

    static XlsxSharedStrings read(OPCPackage pkg, SheetLimits limits) throws IOException, SAXException {
        XlsxSharedStrings table = new XlsxSharedStrings(limits);
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (!parts.isEmpty()) {
            try (InputStream in = parts.get(0).getInputStream()) {
                XMLReader reader = XMLHelper.newXMLReader();
                reader.setContentHandler(table);
                reader.parse(new InputSource(in));
            } catch (ParserConfigurationException e) {
                throw new IllegalStateException("No SAX parser available", e);
            }
        }
        return table;
    }

    @Override
    public RichTextString getItemAt(int idx) {
        return new HSSFRichTextString(strings.get(idx));
    }

    @Override
    public int getCount() {
        return count;
    }

    @Override
    public int getUniqueCount() {
        return strings.size();
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        switch (localName) {
            case "sst" -> {
                String declared = attributes.getValue("count");
                count = declared == null ? 0 : Integer.parseInt(declared);
            }
            case "si" -> text.setLength(0);
            case "t" -> inText = true;
            case "rPh" -> inPhonetic = true;
            default -> {}
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        switch (localName) {
            case "si" -> {
                strings.add(text.toString());
                limits.checkSharedStrings(strings.size(), characters);
            }
            case "t" -> inText = false;
            case "rPh" -> inPhonetic = false;
            default -> {}
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (inText && !inPhonetic) {
            characters += length;
            limits.checkSharedStrings(strings.size(), characters);
            text.append(ch, start, length);
        }
    }
}
