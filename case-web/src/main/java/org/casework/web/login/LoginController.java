package org.casework.web.login;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Shows the login form; the failure reason comes from the query the failure handler set. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) Long wait, Model model) {
        if (error != null) {
            model.addAttribute(
                    "errorKey",
                    switch (error) {
                        case "throttled" -> "auth.throttled";
                        case "disabled" -> "auth.disabled";
                        default -> "auth.badCredentials";
                    });
            model.addAttribute("errorArg", wait == null ? "" : String.valueOf(Math.max(1, wait)));
        }
        return "login";
    }
}
