package org.casework.web.notifications;

import java.util.Locale;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.notifications.Notification;
import org.casework.core.notifications.NotificationService;
import org.casework.web.support.Pager;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The user's own inbox, newest first. Opening an entry is a POST: it marks the entry read and
 * redirects to what it is about, so following a link and reading it are one step.
 */
@Controller
@RequiredArgsConstructor
class NotificationPageController {

    static final int PAGE_SIZE = 30;

    private final NotificationService notifications;
    private final MessageSource messages;

    @GetMapping("/notifications")
    String inbox(
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "false") boolean unread,
            Locale locale,
            Model model) {
        Page<Notification> inbox = notifications.inbox(PageRequest.of(Math.max(page, 0), PAGE_SIZE), unread);
        model.addAttribute(
                "items",
                inbox.getContent().stream()
                        .map(n -> NotificationRow.of(n, messages, locale))
                        .toList());
        model.addAttribute("total", inbox.getTotalElements());
        model.addAttribute("unreadOnly", unread);
        model.addAttribute("pager", Pager.of(inbox));
        return "notifications/inbox";
    }

    /** Marks the entry read and goes to its subject; another user's entry is not found (404). */
    @PostMapping("/notifications/{id}/open")
    String open(@PathVariable UUID id) {
        Notification n = notifications.markRead(id);
        return "redirect:" + link(n);
    }

    @PostMapping("/notifications/read-all")
    String readAll(RedirectAttributes redirect) {
        int marked = notifications.markAllRead();
        redirect.addFlashAttribute("notice", "notification.done.allRead");
        redirect.addFlashAttribute("noticeArgs", new Object[] {marked});
        return "redirect:/notifications";
    }

    /** The page of the notification's subject. */
    static String link(Notification n) {
        return switch (n.getSubjectType()) {
            case FLAG -> "/flags/" + n.getSubjectId();
            case REFERRAL -> "/referrals/" + n.getSubjectId();
            case CASE -> "/cases/" + n.getSubjectId();
            case ACCOUNT -> "/account/password";
            case CLIENT -> "/clients/" + n.getSubjectId();
            // the access-log screen belongs to the oversight pages; until then the inbox itself
            case USER -> "/notifications";
        };
    }
}
