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
import org.casework.core.shared.AccessDeniedException;
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
        organisation.changeContact(command.contactName(), phoneOf(command.contactPhone()));
        return organisations.save(organisation);
    }

    /** An organisation's office contact as a station head or administrator enters it. */
    public record Contact(
            @Size(max = Organisation.CONTACT_NAME_MAX_LENGTH)
            String contactName,

            @Size(max = Organisation.CONTACT_PHONE_MAX_LENGTH)
            String contactPhone) {}

    /**
     * Changes the office contact: administrators for any organisation, a station head for their own
     * station ({@link ContactPolicy}). Others get 404 for an organisation outside their jurisdiction
     * and 403 within it. The phone is checked and stored as bare digits; a blank one clears it.
     */
    @Transactional
    public Organisation changeContact(UUID id, Contact contact) {
        Actor actor = currentActor.get();
        Organisation organisation = organisations.findById(id).orElseThrow(() -> new NotFoundException("organisation"));
        if (!ContactPolicy.mayChange(actor, organisation)) {
            if (!organisation.getRegionCode().startsWith(actor.jurisdiction().value())) {
                throw new NotFoundException("organisation");
            }
            throw new AccessDeniedException("organisation.contact.forbidden");
        }
        organisation.changeContact(contact.contactName(), phoneOf(contact.contactPhone()));
        return organisation;
    }

    /** The organisation the current user belongs to (the station page), if any. */
    @Transactional(readOnly = true)
    public java.util.Optional<Organisation> own() {
        Actor actor = currentActor.get();
        return actor.organisationId() == null
                ? java.util.Optional.empty()
                : organisations.findById(actor.organisationId());
    }

    /** Whether the current user may change this organisation's contact (the page offers the form). */
    public boolean mayChangeContact(Organisation organisation) {
        return ContactPolicy.mayChange(currentActor.get(), organisation);
    }

    private static String phoneOf(String raw) {
        return raw == null || raw.isBlank() ? null : PhoneNumber.parse(raw).value();
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
