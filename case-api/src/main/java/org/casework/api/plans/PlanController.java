package org.casework.api.plans;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.api.Versions;
import org.casework.core.accounts.PeopleNames;
import org.casework.core.plans.PlanInput;
import org.casework.core.plans.PlanService;
import org.casework.core.plans.ServicePlan;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "plans")
@RestController
@RequestMapping("/api/v1")
@RequiredArgsConstructor
class PlanController {

    private final PlanService plans;
    private final PlanMapper mapper;
    private final PeopleNames people;

    record ApproveRequest(
            @Size(max = ServicePlan.MAX_COMMENT_LENGTH) String comment) {}

    record ReturnRequest(
            @Size(max = ServicePlan.MAX_COMMENT_LENGTH) String comments) {}

    /** {@code date} may be left out: today. */
    record DoneRequest(LocalDate date) {}

    @Operation(summary = "All versions of the case's service plan, newest first")
    @GetMapping("/cases/{caseId}/plans")
    List<PlanSummary> versions(@PathVariable UUID caseId) {
        List<ServicePlan> versions = plans.versions(caseId);
        List<String> logins = new ArrayList<>();
        versions.forEach(p -> {
            logins.add(p.getSubmittedBy());
            logins.add(p.getReviewedBy());
        });
        var names = people.of(logins);
        return versions.stream().map(p -> mapper.toSummary(p, names)).toList();
    }

    @Operation(summary = "Start the next plan version; copies the last returned or approved one")
    @PostMapping("/cases/{caseId}/plans")
    ResponseEntity<PlanResponse> createDraft(@PathVariable UUID caseId) {
        ServicePlan draft = plans.createDraft(caseId);
        PlanResponse body = mapper.toResponse(draft, people.of(loginsOf(draft)), plans.ownerLabels(draft));
        return ResponseEntity.created(URI.create("/api/v1/plans/" + body.id()))
                .eTag(Versions.etag(body.version()))
                .body(body);
    }

    @Operation(summary = "The case's newest plan version, whatever its status")
    @GetMapping("/cases/{caseId}/plans/current")
    ResponseEntity<PlanResponse> current(@PathVariable UUID caseId) {
        return withEtag(plans.current(caseId));
    }

    @GetMapping("/plans/{id}")
    ResponseEntity<PlanResponse> get(@PathVariable UUID id) {
        return withEtag(plans.get(id));
    }

    @Operation(summary = "Replace a draft's goals, activities and review date; needs the version")
    @PutMapping("/plans/{id}")
    ResponseEntity<PlanResponse> update(
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestParam(required = false) Long version,
            @RequestBody PlanInput request) {
        return withEtag(plans.updateDraft(id, Versions.required(ifMatch, version), request));
    }

    @Operation(summary = "Submit a complete draft; the case goes to plan review (or straight to ACTIVE)")
    @PostMapping("/plans/{id}/submit")
    ResponseEntity<PlanResponse> submit(
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestParam(required = false) Long version) {
        return withEtag(plans.submit(id, Versions.required(ifMatch, version)));
    }

    @Operation(summary = "Approve a submitted plan (supervisors, not for their own cases)")
    @PostMapping("/plans/{id}/approve")
    ResponseEntity<PlanResponse> approve(
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestParam(required = false) Long version,
            @RequestBody(required = false) ApproveRequest request) {
        String comment = request == null ? null : request.comment();
        return withEtag(plans.approve(id, Versions.required(ifMatch, version), comment));
    }

    @Operation(summary = "Return a submitted plan with comments (supervisors, not for their own cases)")
    @PostMapping("/plans/{id}/return")
    ResponseEntity<PlanResponse> returnPlan(
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestParam(required = false) Long version,
            @RequestBody(required = false) ReturnRequest request) {
        String comments = request == null ? null : request.comments();
        return withEtag(plans.returnPlan(id, Versions.required(ifMatch, version), comments));
    }

    @Operation(summary = "Record an activity of the approved plan as done; the version is checked if given")
    @PostMapping("/plans/{id}/activities/{activityId}/done")
    ResponseEntity<PlanResponse> done(
            @PathVariable UUID id,
            @PathVariable UUID activityId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestParam(required = false) Long version,
            @RequestBody(required = false) DoneRequest request) {
        Long expected = ifMatch == null && version == null ? null : Versions.required(ifMatch, version);
        LocalDate date = request == null ? null : request.date();
        return withEtag(plans.markActivityDone(id, activityId, date, expected));
    }

    private ResponseEntity<PlanResponse> withEtag(ServicePlan plan) {
        PlanResponse body = mapper.toResponse(plan, people.of(loginsOf(plan)), plans.ownerLabels(plan));
        return ResponseEntity.ok().eTag(Versions.etag(body.version())).body(body);
    }

    /** The logins a plan response shows, for one lookup of their display names. */
    private static List<String> loginsOf(ServicePlan plan) {
        List<String> logins = new ArrayList<>();
        logins.add(plan.getSubmittedBy());
        logins.add(plan.getReviewedBy());
        plan.getActivities().forEach(a -> logins.add(a.getDoneBy()));
        return logins;
    }
}
