package org.casework.api.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.api.PageResponse;
import org.casework.api.Paging;
import org.casework.api.Versions;
import org.casework.core.accounts.PeopleNames;
import org.casework.core.cases.CaseFile;
import org.casework.core.cases.CaseService;
import org.casework.core.cases.CaseService.OpenCase;
import org.casework.core.cases.TransitionRequest;
import org.casework.core.shared.RiskLevel;
import org.springframework.http.HttpStatus;
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

@Tag(name = "cases")
@RestController
@RequestMapping("/api/v1/cases")
@RequiredArgsConstructor
class CaseController {

    private final CaseService cases;
    private final CaseMapper mapper;
    private final PeopleNames people;

    /**
     * The level and why. A level below the rules' proposal is an override whoever sends it: only a
     * supervisor of the case may make it, with a reason. {@code override} is accepted for older
     * clients and ignored: the server decides what a request is.
     */
    record RiskRequest(
            RiskLevel level,
            @Size(max = CaseFile.RISK_REASON_MAX_LENGTH) String reason,
            Boolean override) {}

    record ReassignRequest(UUID workerId) {}

    @Operation(summary = "Open a case (a lead) for a registry client in your jurisdiction")
    @PostMapping
    ResponseEntity<CaseResponse> open(@RequestBody OpenCase request) {
        return withEtag(cases.open(request), HttpStatus.CREATED);
    }

    @Operation(summary = "Cases in your jurisdiction: all, open ones, or one worker's")
    @GetMapping
    PageResponse<CaseSummary> search(
            @RequestParam(defaultValue = "false") boolean open,
            @RequestParam(required = false) UUID worker,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        var pageable = Paging.of(page, size);
        return PageResponse.of(cases.search(open, worker, pageable), mapper::toSummary);
    }

    @Operation(summary = "The cases of one registry client")
    @GetMapping(params = "client")
    List<CaseSummary> forClient(@RequestParam UUID client) {
        return cases.forClient(client).stream().map(mapper::toSummary).toList();
    }

    @GetMapping("/{id}")
    ResponseEntity<CaseResponse> get(@PathVariable UUID id) {
        return withEtag(cases.get(id), HttpStatus.OK);
    }

    @Operation(summary = "Perform a lifecycle step (intake, submit plan, approve, close …); needs the version")
    @PostMapping("/{id}/transitions")
    ResponseEntity<CaseResponse> transition(
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestParam(required = false) Long version,
            @RequestBody TransitionRequest request) {
        return withEtag(cases.transition(id, Versions.required(ifMatch, version), request), HttpStatus.OK);
    }

    @Operation(
            summary =
                    "Confirm the proposed risk level or raise it; a supervisor lowers it below the proposal with a reason")
    @PutMapping("/{id}/risk")
    ResponseEntity<CaseResponse> risk(
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestParam(required = false) Long version,
            @RequestBody RiskRequest request) {
        CaseFile updated = cases.setRisk(id, Versions.required(ifMatch, version), request.level(), request.reason());
        return withEtag(updated, HttpStatus.OK);
    }

    @Operation(summary = "Reassign the case to another worker of its station (supervisors)")
    @PostMapping("/{id}/reassign")
    ResponseEntity<CaseResponse> reassign(
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestParam(required = false) Long version,
            @RequestBody ReassignRequest request) {
        return withEtag(cases.reassign(id, Versions.required(ifMatch, version), request.workerId()), HttpStatus.OK);
    }

    private ResponseEntity<CaseResponse> withEtag(CaseFile caseFile, HttpStatus status) {
        CaseResponse body = mapper.toResponse(caseFile, people.of(loginsOf(caseFile)));
        return ResponseEntity.status(status).eTag(Versions.etag(body.version())).body(body);
    }

    /** The logins a case response shows, for one lookup of their display names. */
    private static List<String> loginsOf(CaseFile caseFile) {
        List<String> logins = new ArrayList<>();
        caseFile.getTransitions().forEach(t -> logins.add(t.getActor()));
        caseFile.getRiskHistory().forEach(r -> logins.add(r.getActor()));
        return logins;
    }
}
