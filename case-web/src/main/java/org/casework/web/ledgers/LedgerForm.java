package org.casework.web.ledgers;

import java.time.LocalDate;
import lombok.Data;
import org.casework.core.ledgers.LedgerKind;
import org.casework.core.ledgers.LedgerRequest;
import org.springframework.format.annotation.DateTimeFormat;

/** The export form: which ledger, where, which period, and full numbers with a reason. */
@Data
public class LedgerForm {

    private LedgerKind kind = LedgerKind.LEFT_BEHIND_CHILDREN;
    private String region;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate from;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate to;

    private boolean fullNumbers;
    private String reason;

    LedgerRequest toRequest() {
        return new LedgerRequest(kind, region, from, to, fullNumbers, reason);
    }
}
