package org.casework.web.login;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Shows the login form; the failure reason comes from the query the failure handler set. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, org.springframework.ui.Model model) {
        if (error != null) {
            model.addAttribute(
                    "errorKey",
                    switch (error) {
                        case "locked" -> "auth.locked";
                        case "disabled" -> "auth.disabled";
                        default -> "auth.badCredentials";
                    });
        }
        return "login";
    }
}
