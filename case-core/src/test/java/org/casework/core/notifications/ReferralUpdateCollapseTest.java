package org.casework.core.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.casework.core.referrals.ReferralStatus;
import org.junit.jupiter.api.Test;

class ReferralUpdateCollapseTest {

    private static final Instant ACCEPTED_AT = Instant.parse("2026-12-05T02:00:00Z");

    private static Notification notice(ReferralStatus status) {
        return new Notification(
                UUID.randomUUID(),
                NotificationKind.REFERRAL_STATUS_CHANGED,
                UUID.randomUUID(),
                List.of(
                        MessageArg.text("兰考县妇女联合会"),
                        ReferralUpdateCollapse.statusArg(status),
                        MessageArg.text("410225-2026-00001")),
                ACCEPTED_AT);
    }

    private static ReferralUpdateCollapse at(Duration later) {
        return new ReferralUpdateCollapse(Clock.fixed(ACCEPTED_AT.plus(later), ZoneOffset.UTC));
    }

    @Test
    void startAndCompletionWithinHalfAnHourReplaceTheAcceptance() {
        assertThat(at(Duration.ofMinutes(5)).replaces(notice(ReferralStatus.ACCEPTED), ReferralStatus.IN_PROGRESS))
                .isTrue();
        assertThat(at(Duration.ofMinutes(30)).replaces(notice(ReferralStatus.IN_PROGRESS), ReferralStatus.COMPLETED))
                .isTrue();
    }

    @Test
    void aStepAfterTheWindowIsANewNotice() {
        assertThat(at(Duration.ofMinutes(31)).replaces(notice(ReferralStatus.ACCEPTED), ReferralStatus.COMPLETED))
                .isFalse();
    }

    @Test
    void aNoticeAlreadyReadIsNeverRewritten() {
        Notification read = notice(ReferralStatus.ACCEPTED);
        read.markRead(ACCEPTED_AT.plusSeconds(60));

        assertThat(at(Duration.ofMinutes(2)).replaces(read, ReferralStatus.IN_PROGRESS))
                .isFalse();
    }

    @Test
    void aReturnOrADeclineStandsAlone() {
        assertThat(at(Duration.ofMinutes(2)).replaces(notice(ReferralStatus.ACCEPTED), ReferralStatus.RETURNED))
                .isFalse();
        assertThat(at(Duration.ofMinutes(2)).replaces(notice(ReferralStatus.IN_PROGRESS), ReferralStatus.ACCEPTED))
                .as("never backwards")
                .isFalse();
    }

    @Test
    void otherKindsOfNoticeAreLeftAlone() {
        Notification received = new Notification(
                UUID.randomUUID(),
                NotificationKind.REFERRAL_RECEIVED,
                UUID.randomUUID(),
                List.of(MessageArg.text("堌阳镇社会工作站")),
                ACCEPTED_AT);

        assertThat(at(Duration.ofMinutes(1)).replaces(received, ReferralStatus.ACCEPTED))
                .isFalse();
    }
}
