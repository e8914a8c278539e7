package org.casework.api.worklist;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.casework.api.PageResponse;
import org.casework.core.caseload.CaseloadService;
import org.casework.core.caseload.WorkerCaseload;
import org.casework.core.worklist.WorkItem;
import org.casework.core.worklist.WorklistService;
import org.springframework.data.domain.PageRequest;
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
                    + " follow-ups, and (supervisors) plans and closures waiting for approval")
    @GetMapping("/api/v1/worklist")
    PageResponse<WorkItem> worklist(
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        var pageable = PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 200));
        return PageResponse.of(worklist.worklist(pageable), item -> item);
    }

    @Operation(
            summary = "Supervisors: per worker of your jurisdiction, open cases by state and risk, overdue visits and"
                    + " cases waiting for approval")
    @GetMapping("/api/v1/caseload")
    List<WorkerCaseload> caseload() {
        return caseloads.caseload();
    }
}
