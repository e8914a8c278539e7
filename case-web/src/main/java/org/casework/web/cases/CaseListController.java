package org.casework.web.cases;

import lombok.RequiredArgsConstructor;
import org.casework.core.cases.CaseFile;
import org.casework.core.cases.CaseService;
import org.casework.core.security.CurrentActor;
import org.casework.web.support.Pager;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The station's cases, most urgent first: open ones by default, all on request, or only mine. */
@Controller
@RequiredArgsConstructor
class CaseListController {

    static final int PAGE_SIZE = 20;

    private final CaseService cases;
    private final CaseRows rows;
    private final CurrentActor currentActor;

    @GetMapping("/cases")
    String list(
            @RequestParam(defaultValue = "open") String show,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        boolean all = "all".equals(show);
        Page<CaseFile> found = cases.search(
                !all, mine ? currentActor.get().userId() : null, PageRequest.of(Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("rows", rows.of(found.getContent()));
        model.addAttribute("pager", Pager.of(found));
        model.addAttribute("show", all ? "all" : "open");
        model.addAttribute("mine", mine);
        return "cases/list";
    }
}
