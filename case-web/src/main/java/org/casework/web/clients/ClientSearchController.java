package org.casework.web.clients;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.casework.core.clients.CategoryType;
import org.casework.core.clients.Client;
import org.casework.core.clients.ClientSearch;
import org.casework.core.clients.ClientService;
import org.casework.core.regions.RegionService;
import org.casework.core.shared.InvalidInputException;
import org.casework.web.support.JurisdictionRegions;
import org.casework.web.support.Pager;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The registry search. A plain GET form; with htmx the same URL answers live typing with only the
 * results fragment.
 */
@Controller
@RequiredArgsConstructor
class ClientSearchController {

    static final int PAGE_SIZE = 20;

    private final ClientService clients;
    private final RegionService regions;
    private final JurisdictionRegions jurisdiction;
    private final Clock clock;

    @GetMapping("/clients")
    String search(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) CategoryType category,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        Page<Client> found;
        try {
            found = clients.search(
                    new ClientSearch(q, region, category),
                    PageRequest.of(Math.max(page, 0), PAGE_SIZE, Sort.by("namePinyin", "id")));
        } catch (InvalidInputException e) {
            // only a hand-edited URL gets here (the picker offers valid regions): show no rows, say why
            model.addAttribute("searchError", e);
            found = Page.empty();
        }
        LocalDate today = LocalDate.now(clock);
        var names = regions.namesOf(
                found.stream().map(Client::getResidenceRegionCode).distinct().toList());
        model.addAttribute("rows", found.map(c -> ClientRow.of(c, names, today)).getContent());
        model.addAttribute("pager", Pager.of(found));
        model.addAttribute("q", q);
        model.addAttribute("region", region);
        model.addAttribute("category", category);
        if (htmx != null) {
            return "clients/search :: results";
        }
        model.addAttribute("villageGroups", jurisdiction.villages());
        model.addAttribute("categories", List.of(CategoryType.values()));
        return "clients/search";
    }
}
