package org.casework.web.cases;

import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.caseload.CaseloadService;
import org.casework.core.cases.CaseFile;
import org.casework.core.cases.CaseFinder;
import org.casework.core.cases.CaseSearch;
import org.casework.core.cases.CaseState;
import org.casework.core.security.Actor;
import org.casework.core.security.CurrentActor;
import org.casework.core.security.Permission;
import org.casework.core.shared.InvalidInputException;
import org.casework.core.shared.RiskLevel;
import org.casework.web.support.JurisdictionRegions;
import org.casework.web.support.Pager;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The station's cases, most urgent first: open ones by default, all on request, or only mine;
 * searched by number or client name (characters, pinyin, initials) and filtered by state, risk,
 * worker (supervisors) and village. Parameter names are the plain ones other pages link with
 * ({@code state}, {@code risk}, {@code worker}, {@code village}); a value that does not parse is
 * named on the page and left out, the rest still applies.
 */
@Controller
@RequiredArgsConstructor
class CaseListController {

    static final int PAGE_SIZE = 20;

    private final CaseFinder finder;
    private final CaseRows rows;
    private final CurrentActor currentActor;
    private final CaseloadService caseloads;
    private final JurisdictionRegions jurisdiction;

    @GetMapping("/cases")
    String list(
            @RequestParam(defaultValue = "open") String show,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String risk,
            @RequestParam(required = false) String worker,
            @RequestParam(required = false) String village,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        Actor me = currentActor.get();
        boolean all = "all".equals(show);
        CaseState stateFilter = parse(CaseState.class, state);
        RiskLevel riskFilter = parse(RiskLevel.class, risk);
        UUID workerFilter = mine ? me.userId() : uuid(worker);
        boolean badFilter = (blank(state) ? false : stateFilter == null)
                || (blank(risk) ? false : riskFilter == null)
                || (!mine && !blank(worker) && workerFilter == null);
        Page<CaseFile> found;
        try {
            found = finder.search(
                    new CaseSearch(q, !all, stateFilter, riskFilter, workerFilter, blank(village) ? null : village),
                    PageRequest.of(Math.max(page, 0), PAGE_SIZE));
        } catch (InvalidInputException e) {
            badFilter = true;
            found = finder.search(
                    new CaseSearch(q, !all, stateFilter, riskFilter, workerFilter, null),
                    PageRequest.of(Math.max(page, 0), PAGE_SIZE));
        }
        model.addAttribute("rows", rows.of(found.getContent()));
        model.addAttribute("pager", Pager.of(found));
        model.addAttribute("show", all ? "all" : "open");
        model.addAttribute("mine", mine);
        model.addAttribute("q", q);
        model.addAttribute("state", stateFilter);
        model.addAttribute("risk", riskFilter);
        model.addAttribute("worker", mine ? null : workerFilter);
        model.addAttribute("village", village);
        model.addAttribute("error", badFilter ? "cases.filter.invalid" : null);
        model.addAttribute("states", CaseState.values());
        model.addAttribute("riskLevels", RiskLevel.values());
        model.addAttribute("villageGroups", jurisdiction.villages());
        model.addAttribute("workers", me.has(Permission.SUPERVISE_CASES) ? caseloads.caseWorkers() : List.of());
        return "cases/list";
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static UUID uuid(String value) {
        try {
            return blank(value) ? null : UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
