package org.casework.web.worklist;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.casework.core.caseload.CaseloadService;
import org.casework.core.caseload.WorkerCaseload;
import org.casework.core.cases.CaseState;
import org.casework.core.flags.FlagService;
import org.casework.core.security.Actor;
import org.casework.core.security.CurrentActor;
import org.casework.core.security.Permission;
import org.casework.core.shared.InvalidInputException;
import org.casework.core.shared.RiskLevel;
import org.casework.core.worklist.WorkFilter;
import org.casework.core.worklist.WorkItem;
import org.casework.core.worklist.WorkItemKind;
import org.casework.core.worklist.WorklistPage;
import org.casework.core.worklist.WorklistService;
import org.casework.web.support.JurisdictionRegions;
import org.casework.web.support.Pager;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The user's worklist, in the service's order (most urgent risk first, then the earliest due day),
 * and the supervisors' caseload page. Who may see them is the services' decision: a role without
 * registry or case access gets 403 from the worklist, a non-supervisor from the caseload.
 */
@Controller
@RequiredArgsConstructor
class WorklistPageController {

    static final int PAGE_SIZE = 20;
    /** The caseload page lists at most this many approvals waiting, most urgent first. */
    static final int APPROVALS_SCANNED = 500;
    /** The worklist shows at most this many approvals above the due work; the caseload page has them all. */
    static final int APPROVALS_SHOWN = 50;

    private final WorklistService worklist;
    private final CaseloadService caseloads;
    private final FlagService flags;
    private final CurrentActor currentActor;
    private final JurisdictionRegions jurisdiction;
    private final VillageGroups villageGroups;

    /**
     * The worklist, filtered by the plain parameters other pages link with ({@code kind},
     * {@code village}, {@code risk}, {@code overdue}, {@code due} days ahead, {@code worker}) and
     * grouped by village. A supervisor sees the approvals waiting apart from the township's due
     * work. A value that does not parse is named on the page and left out.
     */
    @GetMapping("/worklist")
    String worklist(
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String village,
            @RequestParam(required = false) String risk,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(required = false) String due,
            @RequestParam(required = false) String worker,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        WorklistFilterForm form = new WorklistFilterForm(kind, village, risk, overdue, due, worker);
        Actor me = currentActor.get();
        boolean supervisor = me.has(Permission.SUPERVISE_CASES);
        // a supervisor's approvals are a list of their own, unless they asked for one kind
        boolean separateApprovals = supervisor && form.kind() == null;
        Set<WorkItemKind> kinds = form.kind() != null
                ? EnumSet.of(form.kind())
                : separateApprovals
                        ? EnumSet.complementOf(EnumSet.of(WorkItemKind.APPROVAL_WAITING))
                        : EnumSet.allOf(WorkItemKind.class);
        String problem = form.problem();
        WorklistPage items;
        WorkFilter filter = form.filter(kinds);
        try {
            items = worklist.worklist(PageRequest.of(Math.max(page, 0), PAGE_SIZE), filter);
        } catch (InvalidInputException e) {
            problem = "worklist.filter.invalid";
            filter = form.withoutPlaceAndWindow(kinds);
            items = worklist.worklist(PageRequest.of(Math.max(page, 0), PAGE_SIZE), filter);
        }
        if (separateApprovals) {
            WorkFilter approvals = new WorkFilter(
                    EnumSet.of(WorkItemKind.APPROVAL_WAITING),
                    filter.village(),
                    filter.risk(),
                    filter.overdueOnly(),
                    null,
                    filter.workerId());
            Page<WorkItem> waiting = worklist.worklist(PageRequest.of(0, APPROVALS_SHOWN), approvals);
            model.addAttribute("approvals", villageGroups.of(waiting.getContent()));
            model.addAttribute("approvalsTotal", waiting.getTotalElements());
        }
        model.addAttribute("groups", villageGroups.of(items.getContent()));
        model.addAttribute("items", items.getContent());
        model.addAttribute("total", items.getTotalElements());
        model.addAttribute("totalCapped", items.isTotalCapped());
        model.addAttribute("pager", Pager.of(items));
        model.addAttribute("filter", form);
        model.addAttribute("error", problem);
        model.addAttribute("separateApprovals", separateApprovals);
        model.addAttribute("kinds", WorkItemKind.values());
        model.addAttribute("riskLevels", RiskLevel.values());
        model.addAttribute("villageGroups", jurisdiction.villages());
        model.addAttribute("workers", supervisor ? caseloads.caseWorkers() : List.of());
        return "worklist/list";
    }

    @GetMapping("/caseload")
    String caseload(Model model) {
        List<WorkerCaseload> rows = caseloads.caseload();
        model.addAttribute("rows", rows);
        model.addAttribute(
                "openStates",
                List.of(
                        CaseState.INTAKE,
                        CaseState.ASSESSING,
                        CaseState.PLAN_REVIEW,
                        CaseState.ACTIVE,
                        CaseState.EVALUATING,
                        CaseState.CLOSURE_REVIEW,
                        CaseState.SUSPENDED));
        model.addAttribute("riskLevels", RiskLevel.values());
        model.addAttribute(
                "approvals",
                worklist.worklist(PageRequest.of(0, APPROVALS_SCANNED), Set.of(WorkItemKind.APPROVAL_WAITING))
                        .getContent());
        model.addAttribute("flagCounts", flags.counts());
        return "worklist/caseload";
    }
}
