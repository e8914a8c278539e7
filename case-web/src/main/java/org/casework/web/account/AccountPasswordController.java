package org.casework.web.account;

import jakarta.servlet.http.HttpServletRequest;
import lombok.RequiredArgsConstructor;
import org.casework.core.accounts.LoginThrottledException;
import org.casework.core.accounts.OwnAccountService;
import org.casework.core.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The user's own password: any user may change it here, and a user whose password an administrator
 * reset is kept on this page ({@link AccountStandingFilter}) until they have.
 */
@Controller
@RequiredArgsConstructor
class AccountPasswordController {

    private final OwnAccountService ownAccount;

    @GetMapping(AccountStandingFilter.CHANGE_PASSWORD)
    String form(Model model) {
        model.addAttribute("required", ownAccount.currentStanding().passwordChangeRequired());
        return "account/password";
    }

    @PostMapping(AccountStandingFilter.CHANGE_PASSWORD)
    String change(
            @RequestParam(required = false) String currentPassword,
            @RequestParam(required = false) String newPassword,
            @RequestParam(required = false) String confirmPassword,
            HttpServletRequest request,
            Model model,
            RedirectAttributes redirect) {
        try {
            if (newPassword == null || !newPassword.equals(confirmPassword)) {
                throw new InvalidInputException("confirmPassword", "account.password.mismatch");
            }
            ownAccount.changePassword(currentPassword, newPassword, request.getRemoteAddr());
            redirect.addFlashAttribute("notice", "notice.passwordChanged");
            return "redirect:/";
        } catch (InvalidInputException e) {
            model.addAttribute("passwordError", e);
        } catch (LoginThrottledException e) {
            model.addAttribute("passwordError", e);
        }
        return form(model);
    }
}
