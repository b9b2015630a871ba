package id.go.kemensos.returnee.audit.replay;

import id.go.kemensos.returnee.audit.DatabaseTimes;
import com.mysql.cj.jdbc.JdbcStatement;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * Writes many rows into one table with LOAD DATA LOCAL INFILE from memory, chunk by chunk: several times what batched inserts
 * reach. The connection must allow local infile (ReplaySchema opens one of its own for this); the statement only ever reads
 * the stream given here.
 */
final class TabSeparatedLoad implements AutoCloseable {

    private static final int CHUNK_BYTES = 16 * 1024 * 1024;

    private final Connection connection;
    private final String table;
    private final List<String> columns;
    private final StringBuilder chunk = new StringBuilder(CHUNK_BYTES + 4096);
    private long rows;

    TabSeparatedLoad(Connection connection, String table, List<String> columns) {
        this.connection = connection;
        this.table = table;
        this.columns = columns;
    }

    void row(Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                chunk.append('\t');
            }
            append(values[i]);
        }
        chunk.append('\n');
        rows++;
        if (chunk.length() >= CHUNK_BYTES) {
            flush();
        }
    }

    long rows() {
        return rows;
    }

    private void append(Object value) {
        if (value == null) {
            chunk.append("\\N");
            return;
        }
        String text = value instanceof Instant i ? DatabaseTimes.microseconds(i) : value.toString();
        if (text.indexOf('\\') < 0 && text.indexOf('\t') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            chunk.append(text); // the usual case: nothing to escape
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> chunk.append("\\\\");
                case '\t' -> chunk.append("\\t");
                case '\n' -> chunk.append("\\n");
                case '\r' -> chunk.append("\\r");
                default -> chunk.append(c);
            }
        }
    }

    private void flush() throws SQLException {
        if (chunk.isEmpty()) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.unwrap(JdbcStatement.class).setLocalInfileInputStream(new ByteArrayInputStream(chunk.toString().getBytes(StandardCharsets.UTF_8)));
            statement.execute("LOAD DATA LOCAL INFILE 'replay.tsv' INTO TABLE " + table + " CHARACTER SET utf8mb4 "
                    + "FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' (" + String.join(", ", columns) + ")");
        }
        chunk.setLength(0);
    }

    @Override
    public void close() throws SQLException {
        flush();
    }
}
