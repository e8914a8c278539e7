package org.casework.core.notifications;

/**
 * What a notification tells. The text is the message {@code notification.kind.<KIND>} with the
 * notification's arguments, rendered in the reader's language.
 */
public enum NotificationKind {
    /** A flag was raised in the recipient's area. Args: village, severity label key. */
    FLAG_RAISED(SubjectType.FLAG),
    /** The station triaged the recipient's flag. Args: village, outcome label key. */
    FLAG_TRIAGED(SubjectType.FLAG),
    /** A flag waited too long and escalated to the recipient's tier. Args: village, severity key, tier key. */
    FLAG_ESCALATED(SubjectType.FLAG),
    /** A referral arrived at the recipient's department. Args: sending organisation. */
    REFERRAL_RECEIVED(SubjectType.REFERRAL),
    /** The recipient's referral changed status. Args: organisation, status label key. */
    REFERRAL_STATUS_CHANGED(SubjectType.REFERRAL),
    /** A referral waited too long for the receiver's response. Args: receiving organisation. */
    REFERRAL_ESCALATED(SubjectType.REFERRAL),
    /** A plan or closure waits for the recipient's approval. Args: case number, approval kind key. */
    APPROVAL_REQUESTED(SubjectType.CASE),
    /** A plan or closure was approved or returned. Args: case number, approval kind key, decision key. */
    APPROVAL_DECIDED(SubjectType.CASE),
    /** Wrong passwords were typed for the recipient's username, this many in a row. Args: the count. */
    LOGIN_FAILURES(SubjectType.ACCOUNT),
    /** A red or orange case was lowered to yellow or green. Args: case number, from level key, to level key. */
    RISK_LOWERED(SubjectType.CASE),
    /** A registry entry of the recipient's township waits for review. Args: village, review kind key. */
    REGISTRY_REVIEW(SubjectType.CLIENT),
    /** A user was refused a reveal of full numbers: they reached the limit. Args: username, limit, minutes. */
    REVEAL_LIMIT_REACHED(SubjectType.USER);

    private final SubjectType subjectType;

    NotificationKind(SubjectType subjectType) {
        this.subjectType = subjectType;
    }

    public SubjectType subjectType() {
        return subjectType;
    }

    public String messageKey() {
        return "notification.kind." + name();
    }
}
