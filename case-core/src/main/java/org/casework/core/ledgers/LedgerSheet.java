package org.casework.core.ledgers;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * One worksheet written row by row to the output stream. FastExcel keeps unflushed rows in memory,
 * so rows are flushed in small batches: memory stays the same for 100 rows or 100,000.
 */
public final class LedgerSheet implements AutoCloseable {

    /** Rows kept in memory before they are written out. */
    static final int FLUSH_EVERY = 200;

    private final Workbook workbook;
    private final Worksheet sheet;
    private int row;

    public LedgerSheet(OutputStream out, String sheetName, List<String> headers) {
        this.workbook = new Workbook(out, "Casework", "1.0");
        // Excel limits sheet names to 31 characters
        this.sheet = workbook.newWorksheet(sheetName.length() > 31 ? sheetName.substring(0, 31) : sheetName);
        for (int c = 0; c < headers.size(); c++) {
            sheet.value(0, c, headers.get(c));
            sheet.width(c, Math.max(10, headers.get(c).length() * 2.5));
        }
        sheet.style(0, 0).bold().set();
        sheet.range(0, 0, 0, headers.size() - 1)
                .style()
                .bold()
                .fillColor("DDEBF7")
                .set();
        sheet.freezePane(0, 1);
        this.row = 1;
    }

    /** Writes one row; values are text, numbers or dates (null leaves the cell empty). */
    public void add(Object... values) {
        for (int c = 0; c < values.length; c++) {
            Object value = values[c];
            if (value == null) {
                continue;
            }
            if (value instanceof LocalDate date) {
                sheet.value(row, c, date);
                sheet.style(row, c).format("yyyy-mm-dd").set();
            } else if (value instanceof Number number) {
                sheet.value(row, c, number);
            } else {
                sheet.value(row, c, value.toString());
            }
        }
        row++;
        if (row % FLUSH_EVERY == 0) {
            flush();
        }
    }

    /** Rows written, without the header. */
    public int rowCount() {
        return row - 1;
    }

    private void flush() {
        try {
            sheet.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            sheet.finish();
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
