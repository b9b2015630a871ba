package id.go.kemensos.returnee.registration.sheet;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * Streams a returnee list (CSV or XLSX) row by row without holding the file: open it, look at the header report
 * ({@link #missingRequiredColumns()}, {@link #unknownColumns()}), then {@link #read(RowHandler)} once. Missing columns are
 * reported, never thrown: the caller decides whether the upload can go on. Not thread-safe, except that
 * {@link #rowsRead()} may be polled from another thread for progress.
 */
public abstract sealed class SheetReader implements Closeable permits CsvSheetReader, XlsxSheetReader {

    private SheetHeader header = SheetHeader.NONE;
    private volatile long rowsRead;
    private long blankRowsSkipped;
    private long pendingBlankRows;
    private boolean consumed;

    /** Opens a file, recognising XLSX by its content (a ZIP archive) rather than trusting its name. */
    public static SheetReader open(Path file) {
        try {
            return open(Files.newInputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens a stream, recognising XLSX by its first bytes; the reader closes the stream. */
    public static SheetReader open(InputStream in) {
        BufferedInputStream buffered = new BufferedInputStream(in);
        try {
            buffered.mark(4);
            byte[] magic = buffered.readNBytes(4);
            buffered.reset();
            return open(buffered, SheetFormat.fromMagic(magic));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens a stream in a declared format; the reader closes the stream. */
    public static SheetReader open(InputStream in, SheetFormat format) {
        try {
            return format == SheetFormat.CSV ? new CsvSheetReader(in) : XlsxSheetReader.spool(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public abstract SheetFormat format();

    /**
     * Data rows (after the header, blank rows included) where the file says so cheaply: the XLSX dimension element. Empty
     * for CSV, whose length is unknown until read.
     */
    public abstract OptionalLong totalRowsHint();

    /**
     * Reads every data row once, in file order, and returns how many were handed over. Completely blank rows are skipped
     * (see {@link #blankRowsSkipped()}); row numbers still count them.
     */
    public final long read(RowHandler handler) {
        if (consumed) {
            throw new IllegalStateException("A sheet is read once; open it again to re-read");
        }
        consumed = true;
        try {
            readRows(handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rowsRead;
    }

    /** The header cells as written, in file order. */
    public List<String> headerNames() {
        return header.names();
    }

    /** Header names that match no column (or repeat one already matched); their values are ignored but kept in raw values. */
    public List<String> unknownColumns() {
        return header.unknownColumns();
    }

    /** Required columns without a header; a missing bank column is reported as KODE_BANK (nama_bank also identifies the bank). */
    public List<SheetColumn> missingRequiredColumns() {
        return header.missingRequiredColumns();
    }

    public boolean hasColumn(SheetColumn column) {
        return header.has(column);
    }

    /** Data rows handed to the handler so far; safe to poll from another thread. */
    public long rowsRead() {
        return rowsRead;
    }

    /** Blank rows between the header and the last data row; trailing blank rows are not rows of the list. */
    public long blankRowsSkipped() {
        return blankRowsSkipped;
    }

    protected abstract void readRows(RowHandler handler) throws IOException;

    protected final void header(List<String> names) {
        header = new SheetHeader(names);
    }

    /** Rows absent from the file (XLSX leaves out empty rows) but shown by Excel as blank. */
    protected final void blankRows(long count) {
        pendingBlankRows += count;
    }

    /** Hands over a data row, or counts it as blank; {@code cells} may be reused by the caller afterwards. */
    protected final void row(long rowNumber, List<SheetCell> cells, RowHandler handler) {
        if (SheetHeader.isBlank(cells)) {
            pendingBlankRows++;
            return;
        }
        blankRowsSkipped += pendingBlankRows;
        pendingBlankRows = 0;
        SheetRow row = header.row(rowNumber, cells);
        rowsRead++; // single writer; volatile for progress readers
        handler.row(row);
    }
}
