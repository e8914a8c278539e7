package org.casework.web.audit;

import lombok.RequiredArgsConstructor;
import org.casework.core.accounts.DisplayNames;
import org.casework.core.accounts.PeopleNames;
import org.casework.core.audit.ChangeHistory;
import org.casework.core.audit.ChangeLogEntry;
import org.casework.core.audit.SensitiveAccessEntry;
import org.casework.core.clients.RevealLog;
import org.casework.web.support.Pager;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit screens: who saw whose full numbers (the access log) and who changed which record (the
 * change history), filtered by user, client and period. Who sees what is the core services'
 * decision: supervisors and administrators their jurisdiction, a station worker their own, village
 * roles and liaisons a 403. The filter carries only ids and usernames, never a client's name; a
 * mistyped part of it is named on the page and left out (a wrong period is not applied at all).
 */
@Controller
@RequiredArgsConstructor
class AuditPageController {

    static final int PAGE_SIZE = 50;

    private final RevealLog revealLog;
    private final ChangeHistory changeHistory;
    private final PeopleNames people;

    @GetMapping("/audit")
    String accessLog(
            @RequestParam(required = false) String user,
            @RequestParam(required = false) String client,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        AuditFilterForm filter = new AuditFilterForm(user, client, from, to);
        String problem = filter.problem();
        Page<SensitiveAccessEntry> entries = revealLog.list(
                new RevealLog.Filter(
                        null,
                        filter.user(),
                        filter.clientId(),
                        problem == null ? filter.fromInstant() : null,
                        problem == null ? filter.toInstant() : null),
                PageRequest.of(Math.max(page, 0), PAGE_SIZE));
        // one query for the page's names; the login stays on the row for auditors
        DisplayNames names = people.of(entries.getContent().stream()
                .map(SensitiveAccessEntry::getActor)
                .toList());
        model.addAttribute(
                "rows",
                entries.getContent().stream().map(e -> AccessRow.of(e, names)).toList());
        return page(model, filter, problem, entries, "access");
    }

    @GetMapping("/audit/changes")
    String changes(
            @RequestParam(required = false) String user,
            @RequestParam(required = false) String client,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        AuditFilterForm filter = new AuditFilterForm(user, client, from, to);
        String problem = filter.problem();
        Page<ChangeLogEntry> entries = changeHistory.list(
                new ChangeHistory.Filter(
                        filter.user(),
                        filter.clientId(),
                        problem == null ? filter.fromInstant() : null,
                        problem == null ? filter.toInstant() : null),
                PageRequest.of(Math.max(page, 0), PAGE_SIZE));
        DisplayNames names = people.of(
                entries.getContent().stream().map(ChangeLogEntry::getActor).toList());
        model.addAttribute(
                "rows",
                entries.getContent().stream().map(e -> ChangeRow.of(e, names)).toList());
        return page(model, filter, problem, entries, "changes");
    }

    private static String page(Model model, AuditFilterForm filter, String problem, Page<?> entries, String tab) {
        model.addAttribute("filter", filter);
        model.addAttribute("error", problem);
        model.addAttribute("total", entries.getTotalElements());
        model.addAttribute("pager", Pager.of(entries));
        model.addAttribute("tab", tab);
        return "audit/" + tab;
    }
}
