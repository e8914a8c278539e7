package org.casework.api.households;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.api.PageResponse;
import org.casework.api.Paging;
import org.casework.api.Versions;
import org.casework.core.clients.ClientService;
import org.casework.core.clients.HouseholdRelation;
import org.casework.core.clients.Sex;
import org.casework.core.households.Household;
import org.casework.core.households.HouseholdService;
import org.casework.core.households.HouseholdService.HouseholdDetails;
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

@Tag(name = "households")
@RestController
@RequestMapping("/api/v1/households")
@RequiredArgsConstructor
class HouseholdController {

    private final HouseholdService households;
    private final ClientService clients;

    record Member(UUID clientId, String fullName, Sex sex, java.time.LocalDate birthDate, HouseholdRelation relation) {}

    record HouseholdResponse(
            UUID id,
            long version,
            String name,
            String regionCode,
            String address,
            String notes,
            List<Member> members) {}

    @GetMapping
    PageResponse<HouseholdResponse> search(
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String name,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        var pageable = Paging.of(page, size);
        return PageResponse.of(households.search(region, name, pageable), h -> toResponse(h, null));
    }

    @GetMapping("/{id}")
    ResponseEntity<HouseholdResponse> get(@PathVariable UUID id) {
        Household household = households.get(id);
        List<Member> members = clients.membersOf(id).stream()
                .map(c -> new Member(c.getId(), c.getFullName(), c.getSex(), c.getBirthDate(), c.getRelationToHead()))
                .toList();
        return withEtag(household, members, HttpStatus.OK);
    }

    @PostMapping
    ResponseEntity<HouseholdResponse> create(@RequestBody HouseholdDetails details) {
        return withEtag(households.create(details), List.of(), HttpStatus.CREATED);
    }

    @PutMapping("/{id}")
    ResponseEntity<HouseholdResponse> update(
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestParam(required = false) Long version,
            @RequestBody HouseholdDetails details) {
        return withEtag(households.update(id, Versions.required(ifMatch, version), details), null, HttpStatus.OK);
    }

    private static HouseholdResponse toResponse(Household h, List<Member> members) {
        return new HouseholdResponse(
                h.getId(),
                h.getVersion() == null ? 0 : h.getVersion(),
                h.getName(),
                h.getRegionCode(),
                h.getAddress(),
                h.getNotes(),
                members);
    }

    private static ResponseEntity<HouseholdResponse> withEtag(Household h, List<Member> members, HttpStatus status) {
        HouseholdResponse body = toResponse(h, members);
        return ResponseEntity.status(status).eTag(Versions.etag(body.version())).body(body);
    }
}
