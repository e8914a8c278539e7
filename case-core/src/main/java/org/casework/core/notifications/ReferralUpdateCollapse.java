package org.casework.core.notifications;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.casework.core.referrals.ReferralStatus;

/**
 * A liaison who accepts, starts and completes a referral within minutes sends the station one
 * message, not three: a newer step of the same referral replaces the earlier notice while that
 * notice is unread and younger than the window. A decline, return or revocation always stands
 * alone, and an old or read notice is never rewritten (it would hide what the reader already saw).
 */
final class ReferralUpdateCollapse {

    static final Duration WINDOW = Duration.ofMinutes(30);

    /** The steps of the normal course, in order: only a later one replaces an earlier one. */
    private static final List<ReferralStatus> COURSE =
            List.of(ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS, ReferralStatus.COMPLETED);

    private final Clock clock;

    ReferralUpdateCollapse(Clock clock) {
        this.clock = clock;
    }

    /** Whether {@code next} replaces the notice {@code previous} (about the same referral) instead of adding one. */
    boolean replaces(Notification previous, ReferralStatus next) {
        if (previous.getKind() != NotificationKind.REFERRAL_STATUS_CHANGED || previous.isRead()) {
            return false;
        }
        if (previous.getOccurredAt().plus(WINDOW).isBefore(clock.instant())) {
            return false;
        }
        ReferralStatus earlier = statusOf(previous);
        return earlier != null && COURSE.contains(next) && COURSE.indexOf(earlier) < COURSE.indexOf(next);
    }

    /** The status a referral notice announced (its second argument, a message key). */
    static ReferralStatus statusOf(Notification notice) {
        List<MessageArg> args = notice.arguments();
        if (args.size() < 2 || !args.get(1).messageKey()) {
            return null;
        }
        String key = args.get(1).value();
        String status = key.substring(key.lastIndexOf('.') + 1);
        return COURSE.stream().filter(s -> s.name().equals(status)).findFirst().orElse(null);
    }

    static MessageArg statusArg(ReferralStatus status) {
        return MessageArg.key("notification.referralStatus." + status);
    }
}
