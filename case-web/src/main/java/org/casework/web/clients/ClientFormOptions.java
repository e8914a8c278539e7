package org.casework.web.clients;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.clients.CategorySource;
import org.casework.core.clients.CategorySubType;
import org.casework.core.clients.CategoryType;
import org.casework.core.clients.ChildProfile;
import org.casework.core.clients.Client;
import org.casework.core.clients.HouseholdRelation;
import org.casework.core.clients.LivingArrangement;
import org.casework.core.clients.ParentStatus;
import org.casework.core.clients.PhoneNumber;
import org.casework.core.clients.Sex;
import org.casework.core.households.Household;
import org.casework.core.households.HouseholdService;
import org.casework.core.regions.RegionService;
import org.casework.web.support.JurisdictionRegions;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The choices of the client form: villages and households of the jurisdiction, and the enums. */
@Component
@RequiredArgsConstructor
class ClientFormOptions {

    /** Households offered in the picker; a larger jurisdiction opens the form from a household page. */
    private static final int HOUSEHOLD_CHOICES = 300;

    private final JurisdictionRegions jurisdiction;
    private final HouseholdService households;
    private final RegionService regions;

    /** A household to pick, labelled with its village. */
    record HouseholdOption(UUID id, String label) {}

    /** What the edit form shows instead of the stored numbers. */
    record StoredNumbers(String idNumber, String phone, String guardianPhone, String carerPhone) {}

    void addTo(Model model, Client stored) {
        model.addAttribute("villageGroups", jurisdiction.villages());
        model.addAttribute("households", households());
        model.addAttribute("sexes", Sex.values());
        model.addAttribute("relations", HouseholdRelation.values());
        model.addAttribute("parentStatuses", ParentStatus.values());
        model.addAttribute("livingArrangements", LivingArrangement.values());
        model.addAttribute("categoryTypes", CategoryType.values());
        model.addAttribute(
                "subTypeGroups",
                Arrays.stream(CategoryType.values())
                        .filter(CategoryType::needsSubType)
                        .map(t -> Map.entry(t, CategorySubType.of(t)))
                        .toList());
        model.addAttribute("sources", CategorySource.values());
        if (stored != null) {
            model.addAttribute("clientId", stored.getId());
            model.addAttribute("stored", storedNumbers(stored));
        }
    }

    void preselectHousehold(ClientForm form, UUID householdId) {
        Household household = households.get(householdId);
        form.setHouseholdId(household.getId());
        form.setResidenceRegionCode(household.getRegionCode());
        form.setAddress(household.getAddress());
    }

    private List<HouseholdOption> households() {
        List<Household> list = households
                .search(null, null, PageRequest.of(0, HOUSEHOLD_CHOICES))
                .getContent();
        Map<String, String> names = regions.namesOf(
                list.stream().map(Household::getRegionCode).distinct().toList());
        return list.stream()
                .map(h ->
                        new HouseholdOption(h.getId(), h.getName() + " · " + names.getOrDefault(h.getRegionCode(), "")))
                .toList();
    }

    private static StoredNumbers storedNumbers(Client c) {
        ChildProfile child = c.getChildProfile();
        return new StoredNumbers(
                c.maskedIdNumber(),
                c.maskedPhone(),
                child == null ? null : mask(child.getGuardianPhone()),
                child == null ? null : mask(child.getCarerPhone()));
    }

    static String mask(String phone) {
        return phone == null ? null : new PhoneNumber(phone).masked();
    }
}
