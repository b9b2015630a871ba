package id.go.kemensos.returnee.audit.replay;

import com.mysql.cj.jdbc.JdbcStatement;
import id.go.kemensos.returnee.audit.DatabaseTimes;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

/**
 * Writes many rows into one table with one LOAD DATA LOCAL INFILE statement: several times what batched inserts reach.
 * The rows are encoded as tab-separated text while the server reads them, so that nothing but a small buffer is held
 * and the table is loaded in one statement (in chunks of 16 MB, one statement each, the same rows took a quarter
 * longer). The connection must allow local infile (ReplaySchema opens one of its own for this); the statement only ever
 * reads the stream given here.
 */
final class TabSeparatedLoad {

    private TabSeparatedLoad() {}

    /** Loads every row (values in the order of {@code columns}); fails unless the server took each one. */
    static long load(Connection connection, String table, List<String> columns, Iterator<Object[]> rows)
            throws SQLException {
        Rows text = new Rows(rows);
        long loaded;
        try (Statement statement = connection.createStatement()) {
            statement.unwrap(JdbcStatement.class).setLocalInfileInputStream(text);
            statement.execute("LOAD DATA LOCAL INFILE 'replay.tsv' INTO TABLE " + table + " CHARACTER SET utf8mb4 "
                    + "FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' ("
                    + String.join(", ", columns) + ")");
            loaded = statement.getUpdateCount();
        }
        // LOAD DATA turns some bad rows into warnings and skips them: a replay that lost a row must not pass for
        // complete.
        if (loaded != text.count) {
            throw new SQLException(table + ": " + text.count + " rows sent, " + loaded + " loaded");
        }
        return loaded;
    }

    /** The rows as the bytes of a tab-separated file, encoded a few thousand at a time as they are read. */
    static final class Rows extends InputStream {

        private static final int BLOCK = 1 << 16;

        private final Iterator<Object[]> rows;
        private final StringBuilder block = new StringBuilder(BLOCK + 4096);
        private byte[] bytes = new byte[0];
        private int position;
        private long count;

        Rows(Iterator<Object[]> rows) {
            this.rows = rows;
        }

        @Override
        public int read() {
            return filled() ? bytes[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (!filled()) {
                return -1;
            }
            int n = Math.min(length, bytes.length - position);
            System.arraycopy(bytes, position, into, offset, n);
            position += n;
            return n;
        }

        private boolean filled() {
            while (position >= bytes.length) {
                if (!rows.hasNext()) {
                    return false;
                }
                block.setLength(0);
                while (rows.hasNext() && block.length() < BLOCK) {
                    append(rows.next());
                    count++;
                }
                bytes = block.toString().getBytes(StandardCharsets.UTF_8);
                position = 0;
            }
            return true;
        }

        private void append(Object[] values) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    block.append('\t');
                }
                append(values[i]);
            }
            block.append('\n');
        }

        private void append(Object value) {
            if (value == null) {
                block.append("\\N");
                return;
            }
            if (value instanceof Instant time) {
                DatabaseTimes.appendMicroseconds(block, time);
                return;
            }
            String text = value.toString();
            if (value instanceof UUID || value instanceof Number) {
                block.append(text); // nothing to escape in these, and most values are these
                return;
            }
            if (text.indexOf('\\') < 0 && text.indexOf('\t') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
                block.append(text); // the usual case: nothing to escape
                return;
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '\\' -> block.append("\\\\");
                    case '\t' -> block.append("\\t");
                    case '\n' -> block.append("\\n");
                    case '\r' -> block.append("\\r");
                    default -> block.append(c);
                }
            }
        }
    }
}
