package org.casework.api.supervision;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.accounts.DisplayNames;
import org.casework.core.accounts.PeopleNames;
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
    private final PeopleNames people;

    record SupervisionNoteRequest(
            @Size(max = SupervisionNote.MAX_LENGTH) String text) {}

    @Operation(summary = "The case's supervision notes, oldest first")
    @GetMapping
    List<NoteResponse> list(@PathVariable UUID caseId) {
        List<SupervisionNote> notes = supervision.list(caseId);
        DisplayNames names =
                people.of(notes.stream().map(SupervisionNote::getAuthor).toList());
        return notes.stream().map(n -> mapper.toResponse(n, names)).toList();
    }

    @Operation(summary = "Add a supervision note to the case (supervisors); notes are never changed")
    @PostMapping
    ResponseEntity<NoteResponse> add(@PathVariable UUID caseId, @RequestBody SupervisionNoteRequest request) {
        String text = request == null ? null : request.text();
        SupervisionNote note = supervision.add(caseId, text);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(mapper.toResponse(note, people.of(List.of(note.getAuthor()))));
    }
}
