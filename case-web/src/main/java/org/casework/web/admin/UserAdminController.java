package org.casework.web.admin;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.casework.core.accounts.AccountService;
import org.casework.core.accounts.LoginService;
import org.casework.core.accounts.UserAccount;
import org.casework.core.organisations.Organisation;
import org.casework.core.organisations.OrganisationService;
import org.casework.core.regions.RegionService;
import org.casework.core.security.Role;
import org.casework.core.shared.ConflictException;
import org.casework.core.shared.InvalidInputException;
import org.casework.web.support.FormErrors;
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

/**
 * Users, roles and jurisdictions. Only administrators get past the service; everyone else sees the
 * 403 page.
 */
@Controller
@RequiredArgsConstructor
class UserAdminController {

    private static final Map<String, String> FIELD_PATHS = Map.of("regionCode", "jurisdictionCode");

    /** An organisation to pick. */
    record OrganisationOption(UUID id, String name) {}

    private final AccountService accounts;
    private final OrganisationService organisations;
    private final RegionService regions;
    private final LoginService logins;

    @GetMapping("/admin/users")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        Page<UserAccount> found = accounts.list(PageRequest.of(Math.max(page, 0), 50));
        Map<String, String> regionNames = regions.namesOf(
                found.stream().map(UserAccount::getJurisdictionCode).distinct().toList());
        Map<UUID, String> orgNames =
                organisations.list().stream().collect(Collectors.toMap(Organisation::getId, Organisation::getName));
        model.addAttribute(
                "rows",
                found.map(u -> UserRow.of(u, regionNames, orgNames, logins.throttledFor(u.getUsername())))
                        .getContent());
        model.addAttribute("pager", Pager.of(found));
        return "admin/users";
    }

    @GetMapping("/admin/users/new")
    String newUser(Model model) {
        return form(new NewUserForm(), model);
    }

    @PostMapping("/admin/users/new")
    String create(
            @ModelAttribute("form") NewUserForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                UserAccount created = accounts.create(form.toCommand());
                redirect.addFlashAttribute("notice", "notice.userCreated");
                redirect.addFlashAttribute("noticeArgs", new Object[] {created.getUsername()});
                return "redirect:/admin/users";
            } catch (InvalidInputException | ConflictException e) {
                FormErrors.reject(result, e, FIELD_PATHS);
            }
        }
        // a password is never sent back to the browser
        form.setPassword(null);
        return form(form, model);
    }

    @PostMapping("/admin/users/{id}/disable")
    String disable(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(() -> accounts.disable(id), "notice.userDisabled", redirect);
    }

    @PostMapping("/admin/users/{id}/enable")
    String enable(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(() -> accounts.enable(id), "notice.userEnabled", redirect);
    }

    /** Lifts the login throttle of the user's username and starts their failure count again. */
    @PostMapping("/admin/users/{id}/unlock")
    String unlock(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(() -> accounts.unlock(id), "notice.userUnlocked", redirect);
    }

    /** The user's own phone for SMS alerts; a blank entry removes it. */
    @PostMapping("/admin/users/{id}/phone")
    String changePhone(
            @PathVariable UUID id, @RequestParam(required = false) String phone, RedirectAttributes redirect) {
        return act(() -> accounts.changePhone(id, phone), "notice.userPhoneChanged", redirect);
    }

    @GetMapping("/admin/users/{id}/password")
    String passwordForm(@PathVariable UUID id, Model model) {
        UserAccount user = accounts.get(id);
        model.addAttribute("user", user.getUsername());
        model.addAttribute("userId", id);
        return "admin/password";
    }

    @PostMapping("/admin/users/{id}/password")
    String resetPassword(
            @PathVariable UUID id,
            @RequestParam(required = false) String password,
            Model model,
            RedirectAttributes redirect) {
        try {
            UserAccount user = accounts.resetPassword(id, password);
            redirect.addFlashAttribute("notice", "notice.passwordReset");
            redirect.addFlashAttribute("noticeArgs", new Object[] {user.getUsername()});
            return "redirect:/admin/users";
        } catch (InvalidInputException e) {
            model.addAttribute("passwordError", e);
            return passwordForm(id, model);
        }
    }

    private String act(Runnable action, String notice, RedirectAttributes redirect) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.getMessageKey());
        }
        return "redirect:/admin/users";
    }

    private String form(NewUserForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("roles", Role.values());
        model.addAttribute(
                "organisations",
                organisations.list().stream()
                        .map(o -> new OrganisationOption(o.getId(), o.getName()))
                        .toList());
        return "admin/user-form";
    }
}
