package org.casework.web.flags;

import lombok.RequiredArgsConstructor;
import org.casework.core.flags.Flag;
import org.casework.core.flags.FlagService;
import org.casework.core.security.CurrentActor;
import org.casework.core.security.Permission;
import org.casework.web.support.Pager;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The reporter's own flags with what the station did with them, and the station's triage queue
 * (untriaged, most severe first, then oldest) with a second tab for every flag of the area.
 */
@Controller
@RequiredArgsConstructor
class FlagListController {

    static final int PAGE_SIZE = 20;

    private final FlagService flags;
    private final FlagRows rows;
    private final CurrentActor currentActor;

    @GetMapping("/flags/mine")
    String mine(@RequestParam(defaultValue = "0") int page, Model model) {
        Page<Flag> found = flags.mine(PageRequest.of(Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("flags", rows.of(found.getContent(), false));
        model.addAttribute("pager", Pager.of(found));
        return "flags/mine";
    }

    /** Staff only: a field user who follows a link here gets their own flags instead. */
    @GetMapping("/flags")
    String queue(
            @RequestParam(defaultValue = "queue") String view,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        if (!currentActor.get().has(Permission.READ_CASES)) {
            return "redirect:/flags/mine";
        }
        boolean all = "all".equals(view);
        PageRequest request = PageRequest.of(Math.max(page, 0), PAGE_SIZE);
        Page<Flag> found = all ? flags.all(request) : flags.queue(request);
        model.addAttribute("all", all);
        model.addAttribute("flags", rows.of(found.getContent(), true));
        model.addAttribute("pager", Pager.of(found));
        model.addAttribute("counts", flags.counts());
        return "flags/queue";
    }
}
