package org.casework.web.home;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page. It calls no client service: administrators and liaisons have no registry access
 * and must still get a page; the menu follows the user's permissions (see CurrentUserView).
 */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "home";
    }
}
