package org.casework.api.notifications;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.api.PageResponse;
import org.casework.api.Paging;
import org.casework.core.notifications.NotificationService;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "notifications")
@RestController
@RequestMapping("/api/v1/notifications")
@RequiredArgsConstructor
class NotificationController {

    private final NotificationService notifications;
    private final MessageSource messages;

    record UnreadCount(long unread) {}

    record MarkedRead(int marked) {}

    @Operation(summary = "The caller's notifications, newest first; unread=true for the unread ones only")
    @GetMapping
    PageResponse<NotificationResponse> inbox(
            @Parameter(description = "only unread notifications") @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            Locale locale) {
        PageRequest request = Paging.of(page, size);
        return PageResponse.of(notifications.inbox(request, unread), n -> NotificationResponse.of(n, messages, locale));
    }

    @Operation(summary = "How many of the caller's notifications are unread")
    @GetMapping("/unread-count")
    UnreadCount unreadCount() {
        return new UnreadCount(notifications.unreadCount());
    }

    @Operation(summary = "Mark one of the caller's notifications read; another user's reads as not found")
    @PostMapping("/{id}/read")
    NotificationResponse markRead(@PathVariable UUID id, Locale locale) {
        return NotificationResponse.of(notifications.markRead(id), messages, locale);
    }

    @Operation(summary = "Mark all the caller's notifications read; returns how many were unread")
    @PostMapping("/read-all")
    MarkedRead markAllRead() {
        return new MarkedRead(notifications.markAllRead());
    }
}
