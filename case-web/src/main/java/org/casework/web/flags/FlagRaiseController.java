package org.casework.web.flags;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.clients.Client;
import org.casework.core.clients.ClientSearch;
import org.casework.core.clients.ClientService;
import org.casework.core.clients.Sex;
import org.casework.core.flags.Flag;
import org.casework.core.flags.FlagService;
import org.casework.core.flags.FlagService.NewFlag;
import org.casework.core.flags.FlagService.Photo;
import org.casework.core.flags.FlagType;
import org.casework.core.shared.AccessDeniedException;
import org.casework.core.shared.DomainException;
import org.casework.core.shared.NotFoundException;
import org.casework.core.shared.RiskLevel;
import org.casework.web.support.FormErrors;
import org.casework.web.support.JurisdictionRegions;
import org.casework.web.support.VillageGroup;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Raising a flag, phone first: one column, a registry child or a few facts about a new one, what
 * was seen. On any refusal nothing is saved and the form comes back as typed (except the photo,
 * which a browser never fills in again).
 */
@Controller
@RequiredArgsConstructor
class FlagRaiseController {

    /** The child picker lists at most this many registry children; others are flagged from their page. */
    static final int CHILDREN_LISTED = 500;

    private final FlagService flags;
    private final ClientService clients;
    private final JurisdictionRegions jurisdiction;
    private final Clock clock;

    /** A child of the registry, as the picker lists them. */
    record ChildOption(UUID id, String name, int age) {}

    @GetMapping("/flags/new")
    String form(@RequestParam(required = false) UUID clientId, Model model) {
        List<VillageGroup> villages = jurisdiction.villages();
        FlagForm form = FlagForm.now(clock, onlyVillage(villages));
        if (clientId != null) {
            // a child outside the user's area is 404, like its client page
            form.setClientId(clients.get(clientId).getId());
        }
        return show(form, villages, model);
    }

    @PostMapping("/flags/new")
    String raise(
            @ModelAttribute("form") FlagForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        List<VillageGroup> villages = jurisdiction.villages();
        if (result.hasErrors()) {
            return show(form, villages, model);
        }
        NewFlag command;
        try {
            command = command(form);
        } catch (DateTimeException e) {
            result.rejectValue("observedAt", "flag.web.time.invalid");
            return show(form, villages, model);
        }
        try {
            Flag flag = flags.raise(command);
            redirect.addFlashAttribute("notice", "flag.done.raised");
            if (flag.isMandatoryReport()) {
                redirect.addFlashAttribute("callPolice", true);
            }
            return "redirect:/flags/" + flag.getId();
        } catch (NotFoundException | AccessDeniedException e) {
            throw e;
        } catch (DomainException e) {
            FormErrors.reject(result, e);
        }
        return show(form, villages, model);
    }

    private static NewFlag command(FlagForm form) {
        boolean existing = form.getClientId() != null;
        return new NewFlag(
                form.getClientId(),
                existing ? null : form.getSubjectName(),
                existing ? null : form.getSubjectSex(),
                existing ? null : form.getSubjectAgeYears(),
                existing ? null : form.getGuardianContact(),
                existing ? null : form.getVillageCode(),
                form.getType(),
                form.getSeverity(),
                form.getDescription(),
                FlagForm.instant(form.getObservedAt()),
                form.getObservedPlace(),
                photo(form));
    }

    private static Photo photo(FlagForm form) {
        if (form.getPhoto() == null || form.getPhoto().isEmpty()) {
            return null;
        }
        try {
            return new Photo(form.getPhoto().getContentType(), form.getPhoto().getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String show(FlagForm form, List<VillageGroup> villages, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("villageGroups", villages);
        model.addAttribute("children", children(form.getClientId()));
        model.addAttribute(
                "mandatoryTypes",
                Arrays.stream(FlagType.values())
                        .filter(FlagType::isMandatoryReport)
                        .toList());
        model.addAttribute(
                "otherTypes",
                Arrays.stream(FlagType.values())
                        .filter(t -> !t.isMandatoryReport())
                        .toList());
        model.addAttribute("severities", RiskLevel.values());
        model.addAttribute("sexes", Sex.values());
        model.addAttribute("photoMaxBytes", FlagService.PHOTO_MAX_BYTES);
        model.addAttribute(
                "callPolice", form.getType() != null && form.getType().isMandatoryReport());
        return "flags/new";
    }

    /** Minors of the user's area by name; the chosen child is always offered, even past the limit. */
    private List<ChildOption> children(UUID chosen) {
        LocalDate today = LocalDate.now(clock);
        List<Client> found = clients.search(
                        ClientSearch.all(), PageRequest.of(0, CHILDREN_LISTED, Sort.by("namePinyin", "id")))
                .getContent();
        List<ChildOption> options = new java.util.ArrayList<>(found.stream()
                .filter(c -> c.ageOn(today) < 18)
                .map(c -> new ChildOption(c.getId(), c.getFullName(), c.ageOn(today)))
                .toList());
        if (chosen != null && options.stream().noneMatch(o -> o.id().equals(chosen))) {
            Client client = clients.get(chosen);
            options.add(0, new ChildOption(client.getId(), client.getFullName(), client.ageOn(today)));
        }
        return options;
    }

    private static String onlyVillage(List<VillageGroup> villages) {
        if (villages.size() == 1 && villages.get(0).villages().size() == 1) {
            return villages.get(0).villages().get(0).code();
        }
        return null;
    }
}
