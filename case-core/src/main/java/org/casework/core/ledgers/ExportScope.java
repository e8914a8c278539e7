package org.casework.core.ledgers;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.casework.core.regions.RegionService;
import org.casework.core.shared.RegionCode;

/**
 * What a ledger writer needs to know while it streams: the region pattern (already checked to lie
 * in the caller's jurisdiction), the period, whether numbers go out in full, and region names (a
 * county has a few hundred villages: the cache stays small).
 */
final class ExportScope {

    final String scopePattern;
    final LocalDate from;
    final LocalDate to;
    final LocalDate today;
    final boolean fullNumbers;
    final LedgerLabels labels;
    private final RegionService regions;
    private final Map<String, String> names = new HashMap<>();

    ExportScope(
            String scopePattern,
            LocalDate from,
            LocalDate to,
            LocalDate today,
            boolean fullNumbers,
            LedgerLabels labels,
            RegionService regions) {
        this.scopePattern = scopePattern;
        this.from = from;
        this.to = to;
        this.today = today;
        this.fullNumbers = fullNumbers;
        this.labels = labels;
        this.regions = regions;
    }

    /** The name of the township a village lies in. */
    String townshipOf(String villageCode) {
        if (villageCode == null || villageCode.length() < 9) {
            return "";
        }
        return nameOf(villageCode.substring(0, 9));
    }

    String nameOf(String code) {
        if (code == null) {
            return "";
        }
        return names.computeIfAbsent(code, c -> {
            String name = regions.namesOf(java.util.List.of(c)).get(c);
            return name == null ? new RegionCode(c).value() : name;
        });
    }
}
