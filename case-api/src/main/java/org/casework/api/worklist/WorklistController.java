package org.casework.api.worklist;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.casework.api.PageResponse;
import org.casework.api.Paging;
import org.casework.core.caseload.CaseloadService;
import org.casework.core.caseload.WorkerCaseload;
import org.casework.core.worklist.WorkItem;
import org.casework.core.worklist.WorkItemKind;
import org.casework.core.worklist.WorklistService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "worklist")
@RestController
@RequiredArgsConstructor
class WorklistController {

    private final WorklistService worklist;
    private final CaseloadService caseloads;

    @Operation(
            summary = "Your worklist, red first then by due day: visits due within 7 days or overdue, your cases'"
                    + " follow-ups and plan items, and (supervisors) plans and closures waiting for approval;"
                    + " kind= limits it to some kinds. totalItems counts up to 10,000, the deepest the list pages:"
                    + " a jurisdiction with more items reports 10,000")
    @GetMapping("/api/v1/worklist")
    PageResponse<WorkItem> worklist(
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            @RequestParam(name = "kind", required = false) Set<WorkItemKind> kinds) {
        var pageable = Paging.of(page, size);
        Set<WorkItemKind> wanted = kinds == null || kinds.isEmpty() ? EnumSet.allOf(WorkItemKind.class) : kinds;
        return PageResponse.of(worklist.worklist(pageable, wanted), item -> item);
    }

    @Operation(
            summary = "Supervisors: per worker of your jurisdiction, open cases by state and risk, overdue visits and"
                    + " cases waiting for approval")
    @GetMapping("/api/v1/caseload")
    List<WorkerCaseload> caseload() {
        return caseloads.caseload();
    }
}
