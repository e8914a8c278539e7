package org.casework.web.worklist;

import java.util.List;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.casework.core.caseload.CaseloadService;
import org.casework.core.caseload.WorkerCaseload;
import org.casework.core.cases.CaseState;
import org.casework.core.flags.FlagService;
import org.casework.core.shared.RiskLevel;
import org.casework.core.worklist.WorkItem;
import org.casework.core.worklist.WorkItemKind;
import org.casework.core.worklist.WorklistService;
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

    private final WorklistService worklist;
    private final CaseloadService caseloads;
    private final FlagService flags;

    @GetMapping("/worklist")
    String worklist(@RequestParam(defaultValue = "0") int page, Model model) {
        Page<WorkItem> items = worklist.worklist(PageRequest.of(Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("items", items.getContent());
        model.addAttribute("total", items.getTotalElements());
        model.addAttribute("pager", Pager.of(items));
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
