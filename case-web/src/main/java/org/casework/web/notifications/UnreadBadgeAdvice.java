package org.casework.web.notifications;

import jakarta.servlet.http.HttpServletRequest;
import lombok.RequiredArgsConstructor;
import org.casework.core.notifications.NotificationService;
import org.casework.core.security.CurrentActor;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The unread count for the bell in the page header, on every page a logged-in user opens: one
 * indexed count query per page view. Not for POSTs (they redirect) nor for anonymous pages.
 */
@ControllerAdvice(basePackages = "org.casework.web")
@RequiredArgsConstructor
class UnreadBadgeAdvice {

    private final NotificationService notifications;
    private final CurrentActor currentActor;

    @ModelAttribute("unreadNotifications")
    Long unreadNotifications(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || currentActor.find().isEmpty()) {
            return null;
        }
        return notifications.unreadCount();
    }
}
