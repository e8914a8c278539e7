package org.casework.api.supervision;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.supervision.SupervisionNote;
import org.casework.core.supervision.SupervisionService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "supervision")
@RestController
@RequestMapping("/api/v1/cases/{caseId}/notes")
@RequiredArgsConstructor
class SupervisionNoteController {

    private final SupervisionService supervision;
    private final NoteMapper mapper;

    record SupervisionNoteRequest(
            @Size(max = SupervisionNote.MAX_LENGTH) String text) {}

    @Operation(summary = "The case's supervision notes, oldest first")
    @GetMapping
    List<NoteResponse> list(@PathVariable UUID caseId) {
        return supervision.list(caseId).stream().map(mapper::toResponse).toList();
    }

    @Operation(summary = "Add a supervision note to the case (supervisors); notes are never changed")
    @PostMapping
    ResponseEntity<NoteResponse> add(@PathVariable UUID caseId, @RequestBody SupervisionNoteRequest request) {
        String text = request == null ? null : request.text();
        return ResponseEntity.status(HttpStatus.CREATED).body(mapper.toResponse(supervision.add(caseId, text)));
    }
}
