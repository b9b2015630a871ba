package id.go.kemensos.returnee.audit.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TabSeparatedLoadTest {

    @Test
    void encodesRowsAsLoadDataReadsThem() throws IOException {
        UUID id = UUID.fromString("0b7f6a4e-2d1c-4c55-9d1e-5a0c1f2e3d4b");
        List<Object[]> rows = List.of(
                new Object[] {id, 960_000L, null, Instant.parse("2019-10-01T03:00:00.123456789Z")},
                new Object[] {id, 1, "tab\there", "line\nback\\slash\rend"},
                new Object[] {id, 2, "Rp960000 ó", "plain"});
        String text = new String(new TabSeparatedLoad.Rows(rows.iterator()).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(text)
                .isEqualTo(id + "\t960000\t\\N\t2019-10-01 03:00:00.123456\n"
                        + id + "\t1\ttab\\there\tline\\nback\\\\slash\\rend\n"
                        + id + "\t2\tRp960000 ó\tplain\n");
    }

    @Test
    void encodesManyRowsBlockByBlockWithoutLosingOne() throws IOException {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            rows.add(new Object[] {i, "detail " + i});
        }
        TabSeparatedLoad.Rows stream = new TabSeparatedLoad.Rows(rows.iterator());
        String[] lines = new String(stream.readAllBytes(), StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(50_000);
        assertThat(lines[0]).isEqualTo("0\tdetail 0");
        assertThat(lines[49_999]).isEqualTo("49999\tdetail 49999");
        assertThat(stream.read()).isEqualTo(-1);
    }
}
