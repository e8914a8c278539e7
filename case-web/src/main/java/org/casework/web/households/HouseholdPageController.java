package org.casework.web.households;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.clients.ClientService;
import org.casework.core.clients.HouseholdRelation;
import org.casework.core.clients.Sex;
import org.casework.core.households.Household;
import org.casework.core.households.HouseholdService;
import org.casework.core.regions.RegionService;
import org.casework.core.shared.InvalidInputException;
import org.casework.core.shared.RegionCode;
import org.casework.web.support.FormErrors;
import org.casework.web.support.JurisdictionRegions;
import org.casework.web.support.Pager;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Households of the jurisdiction: a searchable list with a register form, and a household's page. */
@Controller
@RequiredArgsConstructor
class HouseholdPageController {

    private final HouseholdService households;
    private final ClientService clients;
    private final RegionService regions;
    private final JurisdictionRegions jurisdiction;
    private final Clock clock;

    /** A member as the household page lists them. */
    record Member(UUID id, String fullName, HouseholdRelation relation, Sex sex, int age, String maskedIdNumber) {}

    @GetMapping("/households")
    String list(
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String region,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new HouseholdForm());
        }
        Page<Household> found = households.search(region, name, PageRequest.of(Math.max(page, 0), 20));
        var names = regions.namesOf(
                found.stream().map(Household::getRegionCode).distinct().toList());
        model.addAttribute("rows", found.map(h -> HouseholdRow.of(h, names)).getContent());
        model.addAttribute("pager", Pager.of(found));
        model.addAttribute("name", name);
        model.addAttribute("region", region);
        model.addAttribute("villageGroups", jurisdiction.villages());
        return "households/list";
    }

    /** The action URL answers a GET (a language switch after an error) with the list. */
    @GetMapping("/households/new")
    String backToList() {
        return "redirect:/households";
    }

    @PostMapping("/households/new")
    String create(
            @ModelAttribute("form") HouseholdForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        try {
            Household created = households.create(form.toDetails());
            redirect.addFlashAttribute("notice", "notice.householdCreated");
            return "redirect:/households/" + created.getId();
        } catch (InvalidInputException e) {
            FormErrors.reject(result, e);
        }
        model.addAttribute("createOpen", true);
        return list(null, null, 0, model);
    }

    @GetMapping("/households/{id}")
    String show(@PathVariable UUID id, Model model) {
        Household household = households.get(id);
        LocalDate today = LocalDate.now(clock);
        model.addAttribute(
                "household", HouseholdRow.of(household, regions.namesOf(List.of(household.getRegionCode()))));
        model.addAttribute("place", regions.pathName(RegionCode.parse(household.getRegionCode())));
        model.addAttribute(
                "members",
                clients.membersOf(id).stream()
                        .map(c -> new Member(
                                c.getId(),
                                c.getFullName(),
                                c.getRelationToHead(),
                                c.getSex(),
                                c.ageOn(today),
                                c.maskedIdNumber()))
                        .toList());
        return "households/show";
    }
}
