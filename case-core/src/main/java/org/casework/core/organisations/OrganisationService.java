package org.casework.core.organisations;

import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.clients.PhoneNumber;
import org.casework.core.regions.RegionService;
import org.casework.core.security.Actor;
import org.casework.core.security.CurrentActor;
import org.casework.core.security.Permission;
import org.casework.core.shared.NotFoundException;
import org.casework.core.shared.RegionCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Organisations of the service. Listing is open to every logged-in user; changes to administrators. */
@Service
@RequiredArgsConstructor
public class OrganisationService {

    private final OrganisationRepository organisations;
    private final RegionService regions;
    private final CurrentActor currentActor;

    /** What an administrator enters for a new organisation. */
    public record NewOrganisation(
            OrganisationType type,
            @Size(max = Organisation.NAME_MAX_LENGTH) String name,
            @Size(max = 12) String regionCode,
            Department department,

            @Size(max = Organisation.CONTACT_NAME_MAX_LENGTH)
            String contactName,

            @Size(max = Organisation.CONTACT_PHONE_MAX_LENGTH)
            String contactPhone) {}

    @Transactional
    public Organisation create(NewOrganisation command) {
        currentActor.require(Permission.MANAGE_ORGANISATIONS);
        return createUnchecked(command);
    }

    /** For bootstrap and demo seeding. */
    @Transactional
    public Organisation createUnchecked(NewOrganisation command) {
        RegionCode region = RegionCode.parse(command.regionCode());
        regions.require(region);
        Organisation organisation = new Organisation(command.type(), command.name(), region, command.department());
        String phone = command.contactPhone() == null || command.contactPhone().isBlank()
                ? null
                : PhoneNumber.parse(command.contactPhone()).value();
        organisation.changeContact(command.contactName(), phone);
        return organisations.save(organisation);
    }

    /**
     * Organisations a user works with: those in their county (partner departments serve the whole
     * county). Administrators see all.
     */
    @Transactional(readOnly = true)
    public List<Organisation> list() {
        Actor actor = currentActor.get();
        if (actor.has(Permission.MANAGE_ORGANISATIONS)) {
            return organisations.findAll(org.springframework.data.domain.Sort.by("type", "name"));
        }
        String county = actor.jurisdiction()
                .value()
                .substring(0, Math.min(6, actor.jurisdiction().value().length()));
        return organisations.findByRegionCodeStartingWithOrderByTypeAscNameAsc(county);
    }

    @Transactional(readOnly = true)
    public Organisation get(UUID id) {
        currentActor.get();
        return organisations.findById(id).orElseThrow(() -> new NotFoundException("organisation"));
    }
}
