package fr.guichet.shared;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;

/**
 * CSV for the spreadsheets people open it in: UTF-8 with a byte order mark and ";" as French
 * spreadsheets expect, and inert — a cell a spreadsheet would run as a formula (starting with =, +,
 * -, @, a tab or a carriage return) is prefixed with an apostrophe, so a name like
 * {@code =HYPERLINK(…)} stays text. Numbers are written by {@link #number} and never prefixed.
 */
public final class SpreadsheetCsv {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT
            .builder()
            .setDelimiter(';')
            .setRecordSeparator("\r\n")
            .get();

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final Writer out;

    public SpreadsheetCsv() {
        this.out = new StringWriter();
    }

    private SpreadsheetCsv(Writer out) {
        this.out = out;
    }

    /**
     * Rows written to the stream as they come (an export too long to hold): the byte order mark
     * first; {@link #flush} at the end, {@link #bytes} has nothing to give.
     */
    public static SpreadsheetCsv streaming(OutputStream stream) {
        try {
            stream.write(BOM);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SpreadsheetCsv(new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8)));
    }

    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SpreadsheetCsv row(List<?> cells) {
        try {
            FORMAT.printRecord(out, cells.stream().map(SpreadsheetCsv::cell).toArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public SpreadsheetCsv row(Object... cells) {
        return row(List.of(cells));
    }

    /** A number as it is, even negative: a spreadsheet reads it as a number, not as a formula. */
    public static Number number(long value) {
        return value;
    }

    static String cell(Object value) {
        if (value instanceof Number number) {
            return number.toString();
        }
        var text = value == null ? "" : value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    public byte[] bytes() {
        if (!(out instanceof StringWriter)) {
            throw new IllegalStateException("a streamed CSV is in its stream");
        }
        var body = out.toString().getBytes(StandardCharsets.UTF_8);
        var withBom = new byte[body.length + BOM.length];
        System.arraycopy(BOM, 0, withBom, 0, BOM.length);
        System.arraycopy(body, 0, withBom, BOM.length, body.length);
        return withBom;
    }
}
