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
 * ({@link #missingRequiredColumns()}, {@link #unknownColumns()}), then {@link #read(RowHandler)} once. Missing columns
 * are reported, never thrown: the caller decides whether the upload can go on. Not thread-safe, except that
 * {@link #rowsRead()} may be polled from another thread for progress.
 */
public abstract sealed class SheetReader implements Closeable permits CsvSheetReader, XlsxSheetReader {

    protected final SheetLimits limits;
    private SheetHeader header = SheetHeader.NONE;
    private volatile long rowsRead;
    private long blankRowsSkipped;
    private long pendingBlankRows;
    private boolean consumed;

    protected SheetReader(SheetLimits limits) {
        this.limits = limits;
    }

    /** {@link #open(Path, SheetLimits)} within the default limits. */
    public static SheetReader open(Path file) {
        return open(file, SheetLimits.DEFAULT);
    }

    /** Opens a file, recognising XLSX by its content (a ZIP archive) rather than trusting its name. */
    public static SheetReader open(Path file, SheetLimits limits) {
        try {
            return open(Files.newInputStream(file), limits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #open(InputStream, SheetLimits)} within the default limits. */
    public static SheetReader open(InputStream in) {
        return open(in, SheetLimits.DEFAULT);
    }

    /** Opens a stream, recognising XLSX by its first bytes; the reader closes the stream. */
    public static SheetReader open(InputStream in, SheetLimits limits) {
        BufferedInputStream buffered = new BufferedInputStream(in);
        try {
            buffered.mark(4);
            byte[] magic = buffered.readNBytes(4);
            buffered.reset();
            return open(buffered, SheetFormat.fromMagic(magic), limits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens a stream in a declared format within the default limits; the reader closes the stream. */
    public static SheetReader open(InputStream in, SheetFormat format) {
        return open(in, format, SheetLimits.DEFAULT);
    }

    public static SheetReader open(InputStream in, SheetFormat format, SheetLimits limits) {
        try {
            return format == SheetFormat.CSV ? new CsvSheetReader(in, limits) : XlsxSheetReader.spool(in, limits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public abstract SheetFormat format();

    /**
     * Data rows (after the header, blank rows included) where the file says so cheaply: the XLSX dimension element.
     * Empty for CSV, whose length is unknown until read.
     */
    public abstract OptionalLong totalRowsHint();

    /**
     * Reads every data row once, in file order, and returns how many were handed over. Completely blank rows are
     * skipped (see {@link #blankRowsSkipped()}); row numbers still count them.
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

    /**
     * Header names that match no column (or repeat one already matched); their values are ignored but kept in raw
     * values.
     */
    public List<String> unknownColumns() {
        return header.unknownColumns();
    }

    /**
     * Required columns without a header; a missing bank column is reported as KODE_BANK (nama_bank also identifies the
     * bank).
     */
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

    protected final void header(long rowNumber, List<String> names) {
        limits.checkColumns(width(names), rowNumber);
        for (String name : names) {
            limits.checkCell(name.length(), rowNumber);
        }
        header = new SheetHeader(names);
    }

    /** Columns up to the last non-empty one: trailing empty cells (a CSV's trailing delimiters) are not columns. */
    private static int width(List<String> names) {
        int width = names.size();
        while (width > 0 && names.get(width - 1).isBlank()) {
            width--;
        }
        return width;
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
        int width = 0;
        for (int i = 0; i < cells.size(); i++) {
            SheetCell cell = cells.get(i);
            limits.checkCell(cell.text().length(), rowNumber);
            if (!cell.isBlank()) {
                width = i + 1;
            }
        }
        limits.checkColumns(width, rowNumber);
        limits.checkRows(rowsRead + 1);
        blankRowsSkipped += pendingBlankRows;
        pendingBlankRows = 0;
        SheetRow row = header.row(rowNumber, cells);
        rowsRead++; // single writer; volatile for progress readers
        handler.row(row);
    }
}
