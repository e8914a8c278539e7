package org.casework.core.notifications;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.security.Actor;
import org.casework.core.security.CurrentActor;
import org.casework.core.shared.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current user's own inbox. Every logged-in user has one, whatever their role; nobody reads or
 * marks another user's notifications (another user's id reads as not found).
 */
@Service
@RequiredArgsConstructor
public class NotificationService {

    private final NotificationRepository notifications;
    private final CurrentActor currentActor;
    private final Clock clock;

    /** The inbox, newest first; only the unread ones when asked. */
    @Transactional(readOnly = true)
    public Page<Notification> inbox(Pageable pageable, boolean unreadOnly) {
        Actor actor = currentActor.get();
        return unreadOnly
                ? notifications.findUnread(actor.userId(), pageable)
                : notifications.findInbox(actor.userId(), pageable);
    }

    /** For the page header on every page: one indexed count. */
    @Transactional(readOnly = true)
    public long unreadCount() {
        return notifications.countByRecipientIdAndReadAtIsNull(
                currentActor.get().userId());
    }

    /** Marks one of the user's notifications read (again: no change) and returns it, e.g. to follow its link. */
    @Transactional
    public Notification markRead(UUID id) {
        Actor actor = currentActor.get();
        Notification notification = notifications
                .findByIdAndRecipientId(id, actor.userId())
                .orElseThrow(() -> new NotFoundException("notification"));
        notification.markRead(now());
        return notification;
    }

    /** Marks every unread notification of the user read; returns how many were. */
    @Transactional
    public int markAllRead() {
        return notifications.markAllRead(currentActor.get().userId(), now());
    }

    /** The database keeps microseconds: an answer given before re-reading must say the same. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
