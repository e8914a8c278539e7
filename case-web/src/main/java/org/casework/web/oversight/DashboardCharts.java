package org.casework.web.oversight;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casework.core.indicators.Figure;
import org.casework.core.indicators.Indicators;
import org.casework.core.shared.RiskLevel;
import org.casework.web.support.Messages;

/**
 * The data of the dashboard's four ECharts figures, with the drill-down URL of every bar and
 * point, so a click on a bar opens the items it counts. Serialised to JSON into the page.
 */
final class DashboardCharts {

    private DashboardCharts() {}

    static Map<String, Object> of(Indicators in, DrillLinks links, Messages messages) {
        Map<String, Object> charts = new LinkedHashMap<>();
        charts.put("coverage", coverage(in, links, messages));
        charts.put("flags", flags(in, links, messages));
        charts.put("cases", cases(in, links, messages));
        charts.put("trend", trend(in, links, messages));
        return charts;
    }

    private static Map<String, Object> coverage(Indicators in, DrillLinks links, Messages m) {
        List<String> names = new ArrayList<>();
        List<Map<String, Object>> onTime = new ArrayList<>();
        List<Map<String, Object>> overdue = new ArrayList<>();
        for (Indicators.RegionCoverage r : in.visits().byRegion()) {
            names.add(r.regionName());
            onTime.add(point(r.onTime(), links.of(Figure.VISITS_DUE_SOON.name(), r.regionCode(), null, null, null)));
            overdue.add(point(r.overdue(), links.of(Figure.VISITS_OVERDUE.name(), r.regionCode(), null, null, null)));
        }
        return Map.of(
                "categories",
                names,
                "series",
                List.of(
                        series(m.text("oversight.visits.onTime"), "#1f7a5a", onTime),
                        series(m.text("oversight.visits.overdue"), "#b42318", overdue)));
    }

    private static Map<String, Object> flags(Indicators in, DrillLinks links, Messages m) {
        List<String> names = new ArrayList<>();
        List<Map<String, Object>> hit = new ArrayList<>();
        List<Map<String, Object>> missed = new ArrayList<>();
        List<Map<String, Object>> pending = new ArrayList<>();
        for (Indicators.SeverityFlags s : in.flags().bySeverity()) {
            String level = s.severity().name();
            names.add(m.text("risk." + level));
            String raised = links.of(Figure.FLAGS_RAISED.name(), links.jurisdiction(), level, null, null);
            hit.add(point(s.slaHit(), raised));
            missed.add(point(
                    s.slaMissed(), links.of(Figure.FLAGS_SLA_MISSED.name(), links.jurisdiction(), level, null, null)));
            pending.add(point(s.pending(), raised));
        }
        return Map.of(
                "categories",
                names,
                "series",
                List.of(
                        series(m.text("oversight.flags.slaHit"), "#1f7a5a", hit),
                        series(m.text("oversight.flags.slaMissed"), "#b42318", missed),
                        series(m.text("oversight.flags.pending"), "#8a6d00", pending)));
    }

    private static final Map<RiskLevel, String> RISK_COLOURS = new EnumMap<>(Map.of(
            RiskLevel.RED,
            "#b42318",
            RiskLevel.ORANGE,
            "#d9730d",
            RiskLevel.YELLOW,
            "#c9a400",
            RiskLevel.GREEN,
            "#2e7d32"));

    private static Map<String, Object> cases(Indicators in, DrillLinks links, Messages m) {
        Map<String, String> regions = new LinkedHashMap<>();
        in.visits().byRegion().forEach(r -> regions.put(r.regionCode(), r.regionName()));
        in.cases().byRegion().forEach(r -> regions.putIfAbsent(r.regionCode(), r.regionName()));
        List<String> codes = new ArrayList<>(regions.keySet());
        List<Map<String, Object>> series = new ArrayList<>();
        List<RiskLevel> levels = new ArrayList<>(List.of(RiskLevel.values()));
        levels.add(null);
        for (RiskLevel level : levels) {
            String key = level == null ? "NONE" : level.name();
            long[] counts = new long[codes.size()];
            in.cases().byRegion().stream()
                    .filter(r -> r.risk() == level)
                    .forEach(r -> counts[codes.indexOf(r.regionCode())] += r.count());
            List<Map<String, Object>> data = new ArrayList<>();
            for (int i = 0; i < codes.size(); i++) {
                data.add(point(counts[i], links.of(Figure.CASES_OPEN.name(), codes.get(i), key, null, null)));
            }
            series.add(series(
                    level == null ? m.text("risk.unknown") : m.text("risk." + key),
                    level == null ? "#8d99a6" : RISK_COLOURS.get(level),
                    data));
        }
        return Map.of("categories", new ArrayList<>(regions.values()), "series", series);
    }

    private static Map<String, Object> trend(Indicators in, DrillLinks links, Messages m) {
        List<String> months = new ArrayList<>();
        List<Map<String, Object>> flags = new ArrayList<>();
        List<Map<String, Object>> cases = new ArrayList<>();
        List<Map<String, Object>> visits = new ArrayList<>();
        for (Indicators.MonthTrend t : in.trend()) {
            months.add(t.month().toString());
            LocalDate start = t.month().atDay(1);
            LocalDate end = t.month().atEndOfMonth();
            flags.add(point(
                    t.flagsRaised(),
                    links.of(Figure.FLAGS_RAISED.name(), links.jurisdiction(), null, null, null, start, end)));
            cases.add(point(t.casesOpened(), null));
            visits.add(point(t.homeVisits(), null));
        }
        return Map.of(
                "categories",
                months,
                "series",
                List.of(
                        series(m.text("oversight.trend.flags"), "#b42318", flags),
                        series(m.text("oversight.trend.cases"), "#1f5f8b", cases),
                        series(m.text("oversight.trend.visits"), "#1f7a5a", visits)));
    }

    private static Map<String, Object> point(long value, String url) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("value", value);
        if (url != null) {
            p.put("url", url);
        }
        return p;
    }

    private static Map<String, Object> series(String name, String colour, List<Map<String, Object>> data) {
        return Map.of("name", name, "color", colour, "data", data);
    }
}
