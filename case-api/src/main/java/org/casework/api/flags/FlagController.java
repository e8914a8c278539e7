package org.casework.api.flags;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.api.PageResponse;
import org.casework.api.Paging;
import org.casework.api.Versions;
import org.casework.core.accounts.DisplayNames;
import org.casework.core.accounts.PeopleNames;
import org.casework.core.clients.CategorySubType;
import org.casework.core.clients.CategoryType;
import org.casework.core.clients.Sex;
import org.casework.core.flags.Flag;
import org.casework.core.flags.FlagNote;
import org.casework.core.flags.FlagOutcome;
import org.casework.core.flags.FlagService;
import org.casework.core.flags.FlagService.FlagCounts;
import org.casework.core.flags.FlagType;
import org.casework.core.shared.InvalidInputException;
import org.casework.core.shared.RiskLevel;
import org.springframework.data.domain.Pageable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "flags")
@RestController
@RequestMapping("/api/v1/flags")
@RequiredArgsConstructor
class FlagController {

    private final FlagService flags;
    private final FlagResponses responses;
    private final PeopleNames people;

    /** The photo travels as base64 in the JSON, so a phone sends a flag in one request. */
    record PhotoUpload(
            @Size(max = 100) String contentType,
            // base64 of the largest photo accepted
            @Size(max = (FlagService.PHOTO_MAX_BYTES + 2) / 3 * 4)
            String base64) {}

    record RaiseRequest(
            UUID clientId,
            @Size(max = Flag.NAME_MAX_LENGTH) String subjectName,
            Sex subjectSex,
            Integer subjectAgeYears,
            @Size(max = Flag.CONTACT_MAX_LENGTH) String guardianContact,
            @Size(max = 12) String villageCode,
            FlagType type,
            RiskLevel severity,
            @Size(max = Flag.DESCRIPTION_MAX_LENGTH) String description,
            Instant observedAt,
            @Size(max = Flag.PLACE_MAX_LENGTH) String observedPlace,
            PhotoUpload photo) {}

    record TriageRequest(
            FlagOutcome outcome,
            UUID clientId,
            UUID caseId,
            CategoryType category,
            CategorySubType categorySubType,
            @Size(max = Flag.REASON_MAX_LENGTH) String reason) {}

    record FlagNoteRequest(
            @Size(max = FlagNote.TEXT_MAX_LENGTH) String text) {}

    record FlagNoteResponse(
            UUID id,
            String text,
            String writtenBy,

            @Schema(description = "who wrote it, by display name (堌阳镇社工 李娜)")
            String writtenByName,

            Instant writtenAt) {}

    enum View {
        MINE,
        QUEUE,
        ALL
    }

    @Operation(
            summary = "Raise a flag about a minor: a registry child (clientId) or a new minimal record;"
                    + " mandatory-report types are always red")
    @PostMapping
    ResponseEntity<FlagResponse> raise(@RequestBody RaiseRequest request) {
        Flag flag = flags.raise(new FlagService.NewFlag(
                request.clientId(),
                request.subjectName(),
                request.subjectSex(),
                request.subjectAgeYears(),
                request.guardianContact(),
                request.villageCode(),
                request.type(),
                request.severity(),
                request.description(),
                request.observedAt(),
                request.observedPlace(),
                photo(request.photo())));
        FlagResponse body = responses.of(flag);
        return ResponseEntity.created(URI.create("/api/v1/flags/" + flag.getId()))
                .eTag(Versions.etag(body.version()))
                .body(body);
    }

    @Operation(
            summary = "Flags: view=mine (default; the caller's own, newest first), view=queue (untriaged in the"
                    + " jurisdiction, most severe then oldest first) or view=all (the jurisdiction, newest first)")
    @GetMapping
    PageResponse<FlagResponse> list(
            @RequestParam(defaultValue = "MINE") View view,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        Pageable pageable = Paging.of(page, size);
        var result = switch (view) {
            case MINE -> flags.mine(pageable);
            case QUEUE -> flags.queue(pageable);
            case ALL -> flags.all(pageable);
        };
        return PageResponse.of(result, responses.forList(result.getContent()));
    }

    @Operation(summary = "For supervisors: untriaged flags in the jurisdiction and how many are past their deadline")
    @GetMapping("/counts")
    FlagCounts counts() {
        return flags.counts();
    }

    @Operation(summary = "One flag; staff of its area get the staff view (reporter, deadline, escalations)")
    @GetMapping("/{id}")
    ResponseEntity<FlagResponse> get(@PathVariable UUID id) {
        FlagResponse body = responses.of(flags.get(id));
        return ResponseEntity.ok().eTag(Versions.etag(body.version())).body(body);
    }

    @Operation(summary = "The flag's photo; never cached")
    @GetMapping("/{id}/photo")
    ResponseEntity<byte[]> photo(@PathVariable UUID id) {
        return flags.photo(id)
                .map(p -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(p.contentType()))
                        .cacheControl(CacheControl.noStore())
                        .header(HttpHeaders.CONTENT_DISPOSITION, "inline")
                        .body(p.bytes()))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @Operation(
            summary = "Triage: open a case, link to an open case, add to the registry with a category, or dismiss"
                    + " with a reason; a mandatory-report flag needs its police report first")
    @PostMapping("/{id}/triage")
    ResponseEntity<FlagResponse> triage(
            @PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestParam(required = false) Long version,
            @RequestBody TriageRequest request) {
        Flag flag = flags.triage(
                id,
                Versions.required(ifMatch, version),
                new FlagService.TriageDecision(
                        request.outcome(),
                        request.clientId(),
                        request.caseId(),
                        request.category(),
                        request.categorySubType(),
                        request.reason()));
        FlagResponse body = responses.of(flag);
        return ResponseEntity.ok().eTag(Versions.etag(body.version())).body(body);
    }

    @Operation(summary = "Add a note to a flag (a sent flag is never edited)")
    @PostMapping("/{id}/notes")
    ResponseEntity<FlagNoteResponse> addNote(@PathVariable UUID id, @RequestBody FlagNoteRequest request) {
        FlagNote note = flags.addNote(id, request.text());
        return ResponseEntity.status(201)
                .body(note(note, people.of(java.util.Collections.singletonList(note.getWrittenBy()))));
    }

    @Operation(summary = "The notes of a flag, oldest first")
    @GetMapping("/{id}/notes")
    List<FlagNoteResponse> notes(@PathVariable UUID id) {
        List<FlagNote> notes = flags.notes(id);
        DisplayNames names =
                people.of(notes.stream().map(FlagNote::getWrittenBy).toList());
        return notes.stream().map(n -> note(n, names)).toList();
    }

    private static FlagNoteResponse note(FlagNote n, DisplayNames names) {
        return new FlagNoteResponse(
                n.getId(), n.getText(), n.getWrittenBy(), names.of(n.getWrittenBy()), n.getWrittenAt());
    }

    private static FlagService.Photo photo(PhotoUpload upload) {
        if (upload == null || upload.base64() == null || upload.base64().isBlank()) {
            return null;
        }
        try {
            return new FlagService.Photo(
                    upload.contentType(),
                    Base64.getDecoder().decode(upload.base64().strip()));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("photo", "flag.photo.notImage");
        }
    }
}
