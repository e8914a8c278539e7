package org.casework.core.ledgers;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import lombok.RequiredArgsConstructor;
import org.casework.core.clients.ClientService;
import org.casework.core.security.Actor;
import org.casework.core.security.CurrentActor;
import org.casework.core.security.Permission;
import org.casework.core.shared.AccessDeniedException;
import org.casework.core.shared.DomainException;
import org.casework.core.shared.InvalidInputException;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.springframework.stereotype.Service;

/**
 * Imports a county's existing registry ledger (a county starting with the system). Every row goes
 * through the registry's own registration, in its own transaction: the same checks as the form
 * (GB 11643 ID numbers, village codes of the division data inside the jurisdiction, category
 * rules, duplicates), and a bad row never stops the good ones. The ID number is required, so a
 * file uploaded twice creates nothing the second time: each of its rows is refused as already
 * registered.
 *
 * <p>Not transactional on purpose: each registration commits by itself.
 */
@Service
@RequiredArgsConstructor
public class RegistryImportService {

    /** A county's registry is a few thousand people; larger files are split. */
    public static final int MAX_ROWS = 10_000;

    private final CurrentActor currentActor;
    private final ClientService clients;
    private final LedgerImportRepository log;
    private final Clock clock;

    public ImportResult importLedger(byte[] file, LedgerLabels labels) {
        Actor actor = currentActor.require(Permission.EXPORT_LEDGERS);
        if (!actor.has(Permission.WRITE_CLIENTS)) {
            throw new AccessDeniedException("error.forbidden");
        }
        if (file == null || file.length == 0) {
            throw new InvalidInputException("file", "ledger.import.fileRequired");
        }
        ImportRowParser parser = new ImportRowParser(labels);
        List<RowRejection> rejections = new ArrayList<>();
        int total = 0;
        int accepted = 0;
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file));
                Stream<Row> rows = firstSheet(workbook).openStream()) {
            Iterator<Row> it = rows.iterator();
            Map<Integer, ImportColumn> columns = it.hasNext() ? header(it.next()) : Map.of();
            if (!columns.containsValue(ImportColumn.NAME) || !columns.containsValue(ImportColumn.ID_NUMBER)) {
                throw new InvalidInputException("file", "ledger.import.headerMissing");
            }
            while (it.hasNext()) {
                Row row = it.next();
                Map<ImportColumn, String> cells = cells(row, columns);
                if (cells.isEmpty()) {
                    continue;
                }
                if (++total > MAX_ROWS) {
                    throw new InvalidInputException("file", "ledger.import.tooManyRows", MAX_ROWS);
                }
                try {
                    clients.register(parser.parse(cells));
                    accepted++;
                } catch (DomainException refused) {
                    rejections.add(new RowRejection(
                            row.getRowNum(),
                            cells.get(ImportColumn.NAME),
                            refused.getMessageKey(),
                            refused.getArguments()));
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            if (unreadable instanceof DomainException domain) {
                throw domain;
            }
            throw new InvalidInputException("file", "ledger.import.unreadable");
        }
        LedgerImportEntry entry = log.save(new LedgerImportEntry(
                actor.username(),
                actor.userId(),
                actor.jurisdiction().value(),
                sha256(file),
                total,
                accepted,
                rejections.size(),
                clock.instant()));
        return new ImportResult(entry.getId(), total, accepted, List.copyOf(rejections));
    }

    private static Sheet firstSheet(ReadableWorkbook workbook) {
        return workbook.getFirstSheet();
    }

    private static Map<Integer, ImportColumn> header(Row row) {
        Map<Integer, ImportColumn> columns = new HashMap<>();
        for (int i = 0; i < row.getCellCount(); i++) {
            int index = i;
            row.getOptionalCell(i)
                    .map(Cell::getText)
                    .flatMap(ImportColumn::ofHeader)
                    .ifPresent(column -> columns.putIfAbsent(index, column));
        }
        return columns;
    }

    private static Map<ImportColumn, String> cells(Row row, Map<Integer, ImportColumn> columns) {
        Map<ImportColumn, String> cells = new EnumMap<>(ImportColumn.class);
        columns.forEach((index, column) -> row.getOptionalCell(index)
                .map(Cell::getText)
                .map(String::strip)
                .filter(text -> !text.isEmpty())
                .ifPresent(text -> cells.put(column, text)));
        return cells;
    }

    private static String sha256(byte[] file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
