package org.casework.api.assessments;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.api.Versions;
import org.casework.core.accounts.DisplayNames;
import org.casework.core.accounts.PeopleNames;
import org.casework.core.assessments.Assessment;
import org.casework.core.assessments.AssessmentService;
import org.casework.core.assessments.InstrumentCatalog;
import org.casework.core.assessments.InstrumentDefinition;
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

@Tag(name = "assessments")
@RestController
@RequestMapping("/api/v1")
@RequiredArgsConstructor
class AssessmentController {

    private final AssessmentService assessments;
    private final InstrumentCatalog instruments;
    private final AssessmentMapper mapper;
    private final PeopleNames people;

    record StartRequest(
            UUID clientId, UUID caseId, @Size(max = 60) String instrumentCode) {}

    record SummaryRequest(
            @Size(max = Assessment.SUMMARY_MAX_LENGTH) String summary) {}

    @Operation(summary = "The newest version of every assessment instrument (forms are generated from these)")
    @GetMapping("/instruments")
    List<InstrumentDefinition> instruments() {
        return instruments.newest();
    }

    @Operation(summary = "Start a draft assessment for a client (optionally within one of the client's cases)")
    @PostMapping("/assessments")
    ResponseEntity<AssessmentResponse> start(@RequestBody StartRequest request) {
        return withEtag(
                assessments.start(request.clientId(), request.caseId(), request.instrumentCode()), HttpStatus.CREATED);
    }

    @GetMapping("/assessments/{id}")
    ResponseEntity<AssessmentResponse> get(@PathVariable UUID id) {
        return withEtag(assessments.get(id), HttpStatus.OK);
    }

    @GetMapping(path = "/assessments", params = "client")
    List<AssessmentResponse> forClient(@RequestParam UUID client) {
        List<Assessment> found = assessments.listForClient(client);
        DisplayNames names =
                people.of(found.stream().map(Assessment::getSignedBy).toList());
        return found.stream().map(a -> mapper.toResponse(a, names)).toList();
    }

    @Operation(summary = "Replace a draft's answers; the score is computed on the server")
    @PutMapping("/assessments/{id}/answers")
    ResponseEntity<AssessmentResponse> answers(
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestParam(required = false) Long version,
            @RequestBody Map<String, Object> answers) {
        return withEtag(assessments.saveAnswers(id, Versions.required(ifMatch, version), answers), HttpStatus.OK);
    }

    @PutMapping("/assessments/{id}/summary")
    ResponseEntity<AssessmentResponse> summary(
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestParam(required = false) Long version,
            @RequestBody SummaryRequest request) {
        return withEtag(
                assessments.saveSummary(id, Versions.required(ifMatch, version), request.summary()), HttpStatus.OK);
    }

    @Operation(summary = "Sign a complete draft; a signed assessment never changes")
    @PostMapping("/assessments/{id}/sign")
    ResponseEntity<AssessmentResponse> sign(
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestParam(required = false) Long version) {
        return withEtag(assessments.sign(id, Versions.required(ifMatch, version)), HttpStatus.OK);
    }

    @Operation(summary = "Start a reassessment; the signed one is kept")
    @PostMapping("/assessments/{id}/reassess")
    ResponseEntity<AssessmentResponse> reassess(@PathVariable UUID id) {
        return withEtag(assessments.reassess(id), HttpStatus.CREATED);
    }

    private ResponseEntity<AssessmentResponse> withEtag(Assessment assessment, HttpStatus status) {
        AssessmentResponse body =
                mapper.toResponse(assessment, people.of(java.util.Collections.singletonList(assessment.getSignedBy())));
        return ResponseEntity.status(status).eTag(Versions.etag(body.version())).body(body);
    }
}
