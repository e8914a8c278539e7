package org.casework.core.ledgers;

import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import lombok.RequiredArgsConstructor;
import org.casework.core.clients.ClientService;
import org.casework.core.regions.RegionService;
import org.casework.core.security.Actor;
import org.casework.core.security.CurrentActor;
import org.casework.core.security.Permission;
import org.casework.core.shared.AccessDeniedException;
import org.casework.core.shared.FreeText;
import org.casework.core.shared.InvalidInputException;
import org.casework.core.shared.RegionCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a ledger of the caller's jurisdiction as an Excel file and logs the export (who, which
 * ledger, the filter, the row count, and the reason when numbers went out in full). ID and phone
 * numbers are masked unless the caller may unmask them and gives a reason, as for a reveal.
 */
@Service
@RequiredArgsConstructor
public class LedgerExportService {

    /** A ledger covers at most some years: a county reports by month, quarter or year. */
    static final long MAX_PERIOD_DAYS = 366L * 5;

    private final CurrentActor currentActor;
    private final RegionService regions;
    private final RegistryLedger registry;
    private final EventLedgers events;
    private final LedgerExportRepository log;
    private final Clock clock;

    /**
     * Checks the request before anything is written, so a refusal can still be shown as a page.
     *
     * @return the caller, allowed to export
     */
    @Transactional(readOnly = true)
    public Actor check(LedgerRequest request) {
        Actor actor = currentActor.require(Permission.EXPORT_LEDGERS);
        if (request.kind() == null) {
            throw new InvalidInputException("kind", "ledger.kind.required");
        }
        if (request.kind().category() == null && !actor.has(Permission.READ_CASES)) {
            throw new AccessDeniedException("error.forbidden");
        }
        if (request.from() == null || request.to() == null) {
            throw new InvalidInputException("from", "ledger.period.required");
        }
        if (request.from().isAfter(request.to())) {
            throw new InvalidInputException("to", "ledger.period.reversed");
        }
        if (ChronoUnit.DAYS.between(request.from(), request.to()) > MAX_PERIOD_DAYS) {
            throw new InvalidInputException("to", "ledger.period.tooLong");
        }
        scopeOf(actor, request.regionCode());
        if (request.fullNumbers()) {
            if (!actor.has(Permission.UNMASK_IDENTIFIERS)) {
                throw new AccessDeniedException("client.reveal.forbidden");
            }
            String why = FreeText.block("reason", request.reason(), ClientService.REVEAL_REASON_MAX_LENGTH);
            if (why == null || why.length() < 2) {
                throw new InvalidInputException("reason", "ledger.reason.required");
            }
        }
        return actor;
    }

    /** Writes the ledger to the stream and logs the export; returns the number of rows. */
    @Transactional
    public int export(LedgerRequest request, LedgerLabels labels, OutputStream out) {
        Actor actor = check(request);
        String scope = scopeOf(actor, request.regionCode());
        ExportScope exportScope =
                new ExportScope(scope, request.from(), request.to(), today(), request.fullNumbers(), labels, regions);
        LedgerKind kind = request.kind();
        int rows;
        boolean isRegistry = kind.category() != null;
        try (LedgerSheet sheet = new LedgerSheet(
                out,
                labels.text(kind.messageKey()),
                isRegistry ? registry.headers(kind, labels) : events.headers(kind, labels))) {
            if (isRegistry) {
                registry.write(kind, exportScope, sheet);
            } else {
                events.write(kind, exportScope, sheet);
            }
            rows = sheet.rowCount();
        }
        String filter =
                "region=" + scope.substring(0, scope.length() - 1) + ";from=" + request.from() + ";to=" + request.to();
        String reason = request.fullNumbers()
                ? FreeText.block("reason", request.reason(), ClientService.REVEAL_REASON_MAX_LENGTH)
                : null;
        log.save(new LedgerExportEntry(
                actor.username(), actor.userId(), kind, filter, request.fullNumbers(), reason, rows, clock.instant()));
        return rows;
    }

    /** The LIKE pattern of the region asked for, which must lie in the caller's jurisdiction. */
    private String scopeOf(Actor actor, String regionCode) {
        if (regionCode == null || regionCode.isBlank()) {
            return actor.scopePattern();
        }
        RegionCode region = RegionCode.parse(regionCode);
        if (!actor.covers(region)) {
            throw new AccessDeniedException("error.forbidden");
        }
        return region.value() + "%";
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
