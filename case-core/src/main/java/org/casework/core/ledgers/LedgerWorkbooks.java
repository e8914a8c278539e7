package org.casework.core.ledgers;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;

/** The two small workbooks around an import: the empty template and the report of refused rows. */
public final class LedgerWorkbooks {

    private LedgerWorkbooks() {}

    /** The import template: the headers a county fills in (Chinese), no data. */
    public static void template(OutputStream out, LedgerLabels labels) {
        List<String> headers =
                Arrays.stream(ImportColumn.values()).map(ImportColumn::chinese).toList();
        try (LedgerSheet sheet = new LedgerSheet(out, labels.text("ledger.import.template.sheet"), headers)) {
            // headers only
        }
    }

    /** The refused rows: the row number in the uploaded file, the name typed and the reason. */
    public static void rejectionReport(OutputStream out, List<RowRejection> rejections, LedgerLabels labels) {
        List<String> headers = List.of(
                labels.text("ledger.report.row"), labels.text("ledger.col.name"), labels.text("ledger.report.reason"));
        try (LedgerSheet sheet = new LedgerSheet(out, labels.text("ledger.report.sheet"), headers)) {
            for (RowRejection r : rejections) {
                sheet.add(r.rowNumber(), r.name(), labels.text(r.messageKey(), r.args()));
            }
        }
    }
}
