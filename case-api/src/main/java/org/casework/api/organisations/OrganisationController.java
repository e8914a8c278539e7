package org.casework.api.organisations;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.organisations.Department;
import org.casework.core.organisations.Organisation;
import org.casework.core.organisations.OrganisationService;
import org.casework.core.organisations.OrganisationService.Contact;
import org.casework.core.organisations.OrganisationService.NewOrganisation;
import org.casework.core.organisations.OrganisationType;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "organisations")
@RestController
@RequestMapping("/api/v1/organisations")
@RequiredArgsConstructor
class OrganisationController {

    private final OrganisationService organisations;

    record OrganisationResponse(
            UUID id,
            OrganisationType type,
            String name,
            String regionCode,
            Department department,
            String contactName,
            String contactPhone,
            boolean active) {
        static OrganisationResponse of(Organisation o) {
            return new OrganisationResponse(
                    o.getId(),
                    o.getType(),
                    o.getName(),
                    o.getRegionCode(),
                    o.getDepartment(),
                    o.getContactName(),
                    o.getContactPhone(),
                    o.isActive());
        }
    }

    @GetMapping
    List<OrganisationResponse> list() {
        return organisations.list().stream().map(OrganisationResponse::of).toList();
    }

    @GetMapping("/{id}")
    OrganisationResponse get(@PathVariable UUID id) {
        return OrganisationResponse.of(organisations.get(id));
    }

    /** A station head sets their station's office phone (the number liaisons call back). */
    @PutMapping("/{id}/contact")
    OrganisationResponse changeContact(@PathVariable UUID id, @RequestBody Contact request) {
        return OrganisationResponse.of(organisations.changeContact(id, request));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    OrganisationResponse create(@RequestBody NewOrganisation request) {
        return OrganisationResponse.of(organisations.create(request));
    }
}
