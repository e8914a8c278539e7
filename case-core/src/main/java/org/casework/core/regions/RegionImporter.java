package org.casework.core.regions;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.casework.core.security.CurrentActor;
import org.casework.core.security.Permission;
import org.casework.core.shared.InvalidInputException;
import org.casework.core.shared.RegionCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports divisions from the official CSV layout (统计用区划代码 as published in the
 * provinces/cities/areas/streets/villages files): the first column is the code, the second the
 * name, a header row first. Works for any province and any level; parents must be imported first.
 */
@Service
@RequiredArgsConstructor
public class RegionImporter {

    private final RegionRepository regions;
    private final CurrentActor currentActor;

    /** What one import did. */
    public record ImportResult(int added, int renamed, int unchanged) {}

    /** Administrator entry point: checks the permission, then imports. */
    @Transactional
    public ImportResult importCsv(InputStream csv) {
        currentActor.require(Permission.MANAGE_REFERENCE_DATA);
        return importCsv(csv, "");
    }

    /**
     * Imports the rows whose code starts with {@code prefix} (empty for all). Used by the
     * administrator endpoint and by the demo seeder. A malformed row refuses the whole file so a
     * half-imported tree never exists.
     */
    @Transactional
    public ImportResult importCsv(InputStream csv, String prefix) {
        List<Region> parsed = parse(csv, prefix);
        Map<String, Region> existing = new HashMap<>();
        for (List<String> chunk : chunks(parsed.stream().map(Region::getCode).toList())) {
            regions.findAllById(chunk).forEach(r -> existing.put(r.getCode(), r));
        }
        int added = 0;
        int renamed = 0;
        int unchanged = 0;
        List<Region> toInsert = new ArrayList<>();
        for (Region incoming : parsed) {
            Region current = existing.get(incoming.getCode());
            if (current == null) {
                requireParent(incoming, existing);
                toInsert.add(incoming);
                existing.put(incoming.getCode(), incoming);
                added++;
            } else if (!current.getName().equals(incoming.getName())) {
                current.rename(incoming.getName());
                renamed++;
            } else {
                unchanged++;
            }
        }
        regions.saveAll(toInsert);
        return new ImportResult(added, renamed, unchanged);
    }

    private void requireParent(Region region, Map<String, Region> known) {
        String parent = region.getParentCode();
        if (parent != null && !known.containsKey(parent) && !regions.existsById(parent)) {
            throw new InvalidInputException("file", "region.import.parentMissing", region.getCode(), parent);
        }
    }

    private List<Region> parse(InputStream csv, String prefix) {
        List<Region> result = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        try (Reader reader = new InputStreamReader(csv, StandardCharsets.UTF_8)) {
            for (CSVRecord row : format.parse(reader)) {
                if (row.size() < 2) {
                    throw new InvalidInputException("file", "region.import.badRow", fileRow(row));
                }
                String code = row.get(0).strip();
                if (!code.startsWith(prefix)) {
                    continue;
                }
                try {
                    result.add(new Region(RegionCode.parse(code), row.get(1)));
                } catch (IllegalArgumentException | InvalidInputException e) {
                    throw new InvalidInputException("file", "region.import.badRow", fileRow(row));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidInputException("file", "region.import.unreadable");
        }
        return result;
    }

    /**
     * The row as the administrator sees it in a spreadsheet: commons-csv numbers data records from
     * 1 after the header, so the header row is added back.
     */
    private static long fileRow(CSVRecord row) {
        return row.getRecordNumber() + 1;
    }

    private static List<List<String>> chunks(List<String> codes) {
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < codes.size(); i += 1000) {
            chunks.add(codes.subList(i, Math.min(codes.size(), i + 1000)));
        }
        return chunks;
    }
}
