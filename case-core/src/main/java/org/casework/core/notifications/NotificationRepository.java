package org.casework.core.notifications;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Every finder takes the recipient: nobody reads another user's inbox. */
public interface NotificationRepository extends JpaRepository<Notification, UUID> {

    @Query("select n from Notification n where n.recipientId = :recipientId" + " order by n.occurredAt desc, n.id desc")
    Page<Notification> findInbox(UUID recipientId, Pageable pageable);

    @Query("select n from Notification n where n.recipientId = :recipientId and n.readAt is null"
            + " order by n.occurredAt desc, n.id desc")
    Page<Notification> findUnread(UUID recipientId, Pageable pageable);

    /** The header's badge on every page: answered from the (recipient_id, read_at) index. */
    long countByRecipientIdAndReadAtIsNull(UUID recipientId);

    Optional<Notification> findByIdAndRecipientId(UUID id, UUID recipientId);

    /** The recipient's latest notice of a kind about a subject (a later step may replace it). */
    Optional<Notification> findFirstByRecipientIdAndKindAndSubjectIdOrderByOccurredAtDesc(
            UUID recipientId, NotificationKind kind, UUID subjectId);

    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update Notification n set n.readAt = :at, n.version = n.version + 1"
            + " where n.recipientId = :recipientId and n.readAt is null")
    int markAllRead(UUID recipientId, Instant at);
}
