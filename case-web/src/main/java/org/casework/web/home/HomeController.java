package org.casework.web.home;

import java.time.Clock;
import java.time.Duration;
import lombok.RequiredArgsConstructor;
import org.casework.core.flags.FlagService;
import org.casework.core.flags.RedFlagsWaiting;
import org.casework.core.referrals.ReferralService;
import org.casework.core.security.Actor;
import org.casework.core.security.CurrentActor;
import org.casework.core.security.Permission;
import org.casework.core.worklist.WorklistService;
import org.casework.web.support.Messages;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page. Administrators and liaisons have no registry access and must still get a page:
 * only users who have a worklist see its first items; the menu follows the user's permissions (see
 * CurrentUserView).
 */
@Controller
@RequiredArgsConstructor
class HomeController {

    static final int ITEMS_SHOWN = 5;

    private final CurrentActor currentActor;
    private final WorklistService worklist;
    private final ReferralService referrals;
    private final FlagService flags;
    private final Messages messages;
    private final Clock clock;

    @GetMapping("/")
    String home(Model model) {
        Actor me = currentActor.get();
        if (me.has(Permission.READ_CLIENTS) || me.has(Permission.READ_CASES)) {
            var page = worklist.worklist(PageRequest.of(0, ITEMS_SHOWN));
            model.addAttribute("items", page.getContent());
            model.addAttribute("itemsTotal", page.getTotalElements());
            model.addAttribute("itemsCapped", page.isTotalCapped());
        }
        if (me.has(Permission.HANDLE_REFERRALS)) {
            // a liaison's work is their department's inbox: lead them there
            model.addAttribute("referralsWaiting", referrals.waitingForMyResponse());
        }
        if (me.has(Permission.READ_CASES)) {
            model.addAttribute("flagCounts", flags.counts());
            RedFlagsWaiting reds = flags.redsWaiting();
            if (reds.count() > 0) {
                WaitingTime waited = WaitingTime.of(Duration.between(reds.oldestRaisedAt(), clock.instant()));
                model.addAttribute("redFlags", reds);
                model.addAttribute("redFlagsWaited", messages.text(waited.key(), waited.args()));
            }
        }
        return "home";
    }
}
