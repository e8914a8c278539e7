package org.casework.web.oversight;

import java.time.LocalDate;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.indicators.Breakdown;
import org.casework.core.indicators.DrillDown;
import org.casework.core.indicators.Figure;
import org.casework.core.indicators.IndicatorDrillDown;
import org.casework.core.indicators.IndicatorService;
import org.casework.core.indicators.Indicators;
import org.casework.core.shared.InvalidInputException;
import org.casework.web.support.Messages;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The supervision dashboard (统计/督导) of station heads and county supervisors, and the list
 * behind each of its figures. Who may see what is the indicator service's decision: others get 403.
 */
@Controller
@RequiredArgsConstructor
class OversightPageController {

    private final IndicatorService indicators;
    private final IndicatorDrillDown drillDown;
    private final Messages messages;
    private final JsonMapper json;

    @GetMapping("/oversight")
    String dashboard(
            @RequestParam(required = false) String jurisdiction,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Breakdown breakdown,
            Model model) {
        Indicators in;
        try {
            in = indicators.indicators(jurisdiction, from, to, breakdown);
        } catch (InvalidInputException e) {
            // A bad period keeps the jurisdiction and says what was wrong, with this month's figures.
            model.addAttribute("periodError", messages.of(e));
            in = indicators.indicators(jurisdiction, null, null, breakdown);
        }
        DrillLinks links = new DrillLinks(in.jurisdiction(), in.from(), in.to());
        model.addAttribute("in", in);
        model.addAttribute("links", links);
        model.addAttribute("chartJson", json.writeValueAsString(DashboardCharts.of(in, links, messages)));
        model.addAttribute(
                "parent",
                in.jurisdiction().length() > 6
                        ? in.jurisdiction().substring(0, in.jurisdiction().length() == 12 ? 9 : 6)
                        : null);
        return "oversight/dashboard";
    }

    @GetMapping("/oversight/items")
    String items(
            @RequestParam Figure figure,
            @RequestParam(required = false) String jurisdiction,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String level,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) UUID worker,
            Model model) {
        DrillDown list;
        try {
            list = drillDown.items(figure, jurisdiction, from, to, new IndicatorDrillDown.Filter(level, state, worker));
        } catch (InvalidInputException e) {
            model.addAttribute("figure", figure);
            model.addAttribute("listError", messages.of(e));
            return "oversight/items";
        }
        model.addAttribute("figure", figure);
        model.addAttribute("list", list);
        model.addAttribute("level", level);
        model.addAttribute("state", state);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("withTime", list.items().stream().anyMatch(i -> !"CLIENT".equals(i.kind())));
        return "oversight/items";
    }
}
