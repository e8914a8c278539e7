package org.casework.core.households;

import jakarta.validation.constraints.Size;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.audit.AuditTrail;
import org.casework.core.regions.RegionService;
import org.casework.core.security.Actor;
import org.casework.core.security.CurrentActor;
import org.casework.core.security.Permission;
import org.casework.core.shared.AccessDeniedException;
import org.casework.core.shared.NotFoundException;
import org.casework.core.shared.RegionCode;
import org.casework.core.shared.RegionLevel;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Households within the caller's jurisdiction. */
@Service
@RequiredArgsConstructor
public class HouseholdService {

    private final HouseholdRepository households;
    private final RegionService regions;
    private final CurrentActor currentActor;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    /** What a worker enters for a household. */
    public record HouseholdDetails(
            @Size(max = Household.NAME_MAX_LENGTH) String name,
            @Size(max = 12) String regionCode,
            @Size(max = Household.ADDRESS_MAX_LENGTH) String address,
            @Size(max = Household.NOTES_MAX_LENGTH) String notes) {}

    /** Registers a household in a village of the caller's jurisdiction. */
    @Transactional
    public Household create(HouseholdDetails details) {
        Actor actor = currentActor.require(Permission.WRITE_CLIENTS);
        RegionCode village = villageInScope(actor, details.regionCode());
        Household household =
                households.save(new Household(details.name(), village, details.address(), details.notes()));
        audit.recordChange("Household", household.getId(), "CREATED", null, actor.username());
        events.publishEvent(new HouseholdChanged(household.getId(), household.getRegionCode()));
        return household;
    }

    /** Changes a household; refuses when someone else changed it since {@code expectedVersion}. */
    @Transactional
    public Household update(UUID id, long expectedVersion, HouseholdDetails details) {
        Actor actor = currentActor.require(Permission.WRITE_CLIENTS);
        Household household = find(actor, id);
        household.checkVersion(expectedVersion);
        RegionCode village = villageInScope(actor, details.regionCode());
        household.change(details.name(), village, details.address(), details.notes());
        audit.recordChange("Household", id, "UPDATED", null, actor.username());
        events.publishEvent(new HouseholdChanged(id, household.getRegionCode()));
        return household;
    }

    /** The household, if it lies in the caller's jurisdiction; otherwise reads as not found. */
    @Transactional(readOnly = true)
    public Household get(UUID id) {
        return find(currentActor.require(Permission.READ_CLIENTS), id);
    }

    /** True when the household exists in the caller's jurisdiction. */
    @Transactional(readOnly = true)
    public boolean isVisible(UUID id) {
        Actor actor = currentActor.require(Permission.READ_CLIENTS);
        return households.findInScope(id, actor.scopePattern()).isPresent();
    }

    @Transactional(readOnly = true)
    public Page<Household> search(String regionCode, String name, Pageable pageable) {
        Actor actor = currentActor.require(Permission.READ_CLIENTS);
        String region = regionCode == null || regionCode.isBlank()
                ? "%"
                : RegionCode.parse(regionCode).value() + "%";
        String namePattern = name == null || name.isBlank() ? "" : "%" + name.strip() + "%";
        return households.searchInScope(actor.scopePattern(), region, namePattern, pageable);
    }

    private Household find(Actor actor, UUID id) {
        return households.findInScope(id, actor.scopePattern()).orElseThrow(() -> new NotFoundException("household"));
    }

    private RegionCode villageInScope(Actor actor, String code) {
        RegionCode village = RegionCode.parse(code);
        regions.requireLevel(village, RegionLevel.VILLAGE, "regionCode");
        if (!actor.covers(village)) {
            throw new AccessDeniedException("error.outsideJurisdiction");
        }
        return village;
    }
}
