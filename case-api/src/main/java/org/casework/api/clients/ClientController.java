package org.casework.api.clients;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.api.PageResponse;
import org.casework.api.Paging;
import org.casework.api.Versions;
import org.casework.core.accounts.DisplayNames;
import org.casework.core.accounts.PeopleNames;
import org.casework.core.audit.ChangeLogEntry;
import org.casework.core.clients.CategoryType;
import org.casework.core.clients.Client;
import org.casework.core.clients.ClientCategory;
import org.casework.core.clients.ClientInput;
import org.casework.core.clients.ClientSearch;
import org.casework.core.clients.ClientService;
import org.casework.core.clients.RevealedIdentifiers;
import org.casework.core.shared.InvalidInputException;
import org.springframework.data.domain.Sort;
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

@Tag(name = "clients")
@RestController
@RequestMapping("/api/v1/clients")
@RequiredArgsConstructor
class ClientController {

    private final ClientService clients;
    private final ClientMapper mapper;
    private final PeopleNames people;

    record Reveal(
            @Size(max = ClientService.REVEAL_REASON_MAX_LENGTH)
            String reason) {}

    record EndCategory(
            LocalDate endDate,

            @Size(max = ClientCategory.END_REASON_MAX_LENGTH)
            String reason) {}

    record HistoryEntry(
            String action,
            List<String> fields,
            String note,
            String actor,

            @Schema(description = "who made the change, by display name (堌阳镇社工 李娜)")
            String actorName,

            java.time.Instant at) {
        static HistoryEntry of(ChangeLogEntry e, DisplayNames names) {
            return new HistoryEntry(
                    e.getAction(), e.fieldList(), e.getNote(), e.getActor(), names.of(e.getActor()), e.getOccurredAt());
        }
    }

    @Operation(
            summary =
                    "Search the registry within your jurisdiction (name, pinyin, initials, ID tail), sorted by pinyin")
    @GetMapping
    PageResponse<ClientSummary> search(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) CategoryType category,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        // by pinyin, as the station lists them (张 under Z), not by code point
        var pageable = Paging.of(page, size, Sort.by("namePinyin", "id"));
        return PageResponse.of(clients.search(new ClientSearch(q, region, category), pageable), mapper::toSummary);
    }

    @GetMapping("/{id}")
    ResponseEntity<ClientResponse> get(@PathVariable UUID id) {
        return withEtag(clients.get(id), HttpStatus.OK);
    }

    @Operation(summary = "Register a client; 409 with matches for a possible duplicate unless a reason is given")
    @PostMapping
    ResponseEntity<ClientResponse> register(@RequestBody ClientInput input) {
        return withEtag(clients.register(input), HttpStatus.CREATED);
    }

    @Operation(summary = "Correct a client; needs the version read (If-Match or ?version=), 409 when stale")
    @PutMapping("/{id}")
    ResponseEntity<ClientResponse> update(
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestParam(required = false) Long version,
            @RequestBody ClientInput input) {
        return withEtag(clients.update(id, Versions.required(ifMatch, version), input), HttpStatus.OK);
    }

    @PostMapping("/{id}/categories")
    ResponseEntity<ClientResponse> addCategory(
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestParam(required = false) Long version,
            @RequestBody ClientInput.NewCategory category) {
        return withEtag(clients.addCategory(id, Versions.required(ifMatch, version), category), HttpStatus.OK);
    }

    @PostMapping("/{id}/categories/{categoryId}/end")
    ResponseEntity<ClientResponse> endCategory(
            @PathVariable UUID id,
            @PathVariable UUID categoryId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestParam(required = false) Long version,
            @RequestBody EndCategory request) {
        Client client = clients.endCategory(
                id, Versions.required(ifMatch, version), categoryId, request.endDate(), request.reason());
        return withEtag(client, HttpStatus.OK);
    }

    @Operation(summary = "Show ID and phone numbers in full; needs the permission and a reason, and is logged")
    @PostMapping("/{id}/reveal")
    RevealedIdentifiers reveal(@PathVariable UUID id, @RequestBody Reveal request) {
        if (request == null) {
            throw new InvalidInputException("reason", "client.reveal.reasonRequired");
        }
        return clients.reveal(id, request.reason());
    }

    @GetMapping("/{id}/history")
    List<HistoryEntry> history(@PathVariable UUID id) {
        List<ChangeLogEntry> entries = clients.history(id);
        DisplayNames names =
                people.of(entries.stream().map(ChangeLogEntry::getActor).toList());
        return entries.stream().map(e -> HistoryEntry.of(e, names)).toList();
    }

    private ResponseEntity<ClientResponse> withEtag(Client client, HttpStatus status) {
        ClientResponse body =
                mapper.toResponse(client, people.of(Arrays.asList(client.getCreatedBy(), client.getUpdatedBy())));
        return ResponseEntity.status(status).eTag(Versions.etag(body.version())).body(body);
    }
}
