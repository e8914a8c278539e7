package org.casework.core.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.casework.core.shared.ConflictException;
import org.casework.core.shared.DomainException;
import org.casework.core.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class ReferralTest {

    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    private static final UUID FULIAN = UUID.randomUUID();

    @Test
    void aSentReferralWaitsForTheReceiverWithItsSnapshotAndDueTime() {
        Referral referral = sent();

        assertThat(referral.getStatus()).isEqualTo(ReferralStatus.SENT);
        assertThat(referral.isOpen()).isTrue();
        assertThat(referral.shared()).containsOnlyKeys(SharedField.NAME, SharedField.AGE);
        assertThat(referral.sharedValue(SharedField.NAME)).contains("张小明");
        assertThat(referral.sharedValue(SharedField.PHONE)).isEmpty();
        assertThat(referral.isOverdue(NOW.plus(Duration.ofHours(23)))).isFalse();
        assertThat(referral.isOverdue(NOW.plus(Duration.ofHours(25)))).isTrue();
    }

    @Test
    void theReceiverAcceptsStartsAndCompletesWithAnOutcome() {
        Referral referral = sent();
        referral.accept("liaison", NOW);
        referral.start("liaison", NOW);
        referral.complete(ReferralResult.PARTLY_PROVIDED, "已安排心理咨询三次，孩子情绪稳定", "liaison", NOW.plusSeconds(60));

        assertThat(referral.getStatus()).isEqualTo(ReferralStatus.COMPLETED);
        assertThat(referral.getResult()).isEqualTo(ReferralResult.PARTLY_PROVIDED);
        assertThat(referral.getOutcome()).isEqualTo("已安排心理咨询三次，孩子情绪稳定");
        assertThat(referral.getAcceptedBy()).isEqualTo("liaison");
        assertThat(referral.getCompletedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(referral.isOpen()).isFalse();
        assertThat(referral.isOverdue(NOW.plus(Duration.ofDays(30)))).isFalse();
    }

    @Test
    void completingNeedsTheStructuredResult() {
        Referral referral = sent();
        referral.accept("liaison", NOW);
        referral.start("liaison", NOW);

        assertThatThrownBy(() -> referral.complete(null, "已办结", "liaison", NOW))
                .isInstanceOf(InvalidInputException.class)
                .hasFieldOrPropertyWithValue("messageKey", "referral.result.required");
        assertThat(referral.getStatus()).isEqualTo(ReferralStatus.IN_PROGRESS);
        assertThat(referral.getResult()).isNull();
    }

    @Test
    void theFirstProgressNoteStartsAnAcceptedReferral() {
        Referral referral = sent();
        referral.accept("liaison", NOW);

        assertThat(referral.recordProgress("已联系监护人", "liaison", NOW)).isTrue();
        assertThat(referral.getStatus()).isEqualTo(ReferralStatus.IN_PROGRESS);
        assertThat(referral.recordProgress("已上门", "liaison", NOW)).isFalse();
        assertThat(referral.getLastProgressAt()).isEqualTo(NOW);
    }

    @Test
    void illegalStepsAreRefusedAndChangeNothing() {
        Referral referral = sent();
        assertRefused(
                () -> referral.complete(ReferralResult.PROVIDED, "结果", "liaison", NOW), "referral.illegal.complete");
        assertRefused(() -> referral.start("liaison", NOW), "referral.illegal.start");
        assertRefused(() -> referral.recordProgress("进展", "liaison", NOW), "referral.illegal.progress");
        assertRefused(() -> referral.returnToSender("无法服务", "liaison", NOW), "referral.illegal.return");
        assertThat(referral.getStatus()).isEqualTo(ReferralStatus.SENT);

        referral.accept("liaison", NOW);
        assertRefused(() -> referral.accept("liaison", NOW), "referral.illegal.accept");
        assertRefused(() -> referral.decline("不属于本部门职责", "liaison", NOW), "referral.illegal.decline");
        assertRefused(
                () -> referral.complete(ReferralResult.PROVIDED, "结果", "liaison", NOW), "referral.illegal.complete");
        assertThat(referral.getStatus()).isEqualTo(ReferralStatus.ACCEPTED);
    }

    @Test
    void declineReturnAndRevokeNeedAReason() {
        Referral referral = sent();
        assertThatThrownBy(() -> referral.decline(" ", "liaison", NOW))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((DomainException) e).getMessageKey())
                .isEqualTo("referral.reason.required");
        assertThatThrownBy(() -> referral.revoke(null, "worker", NOW)).isInstanceOf(InvalidInputException.class);
        assertThat(referral.getStatus()).isEqualTo(ReferralStatus.SENT);
    }

    @Test
    void theSenderRevokesOnlyWhileTheReferralIsOpen() {
        Referral open = sent();
        open.accept("liaison", NOW);
        open.revoke("服务对象已搬离", "worker", NOW);
        assertThat(open.getStatus()).isEqualTo(ReferralStatus.REVOKED);
        assertThat(open.getRevokeReason()).isEqualTo("服务对象已搬离");

        Referral declined = sent();
        declined.decline("不属于本部门职责", "liaison", NOW);
        assertRefused(() -> declined.revoke("撤回", "worker", NOW), "referral.illegal.revoke");
    }

    @Test
    void onlyADeclinedOrReturnedReferralGoesToAnotherDepartment() {
        Referral referral = sent();
        assertRefused(() -> referral.checkReReferable(UUID.randomUUID()), "referral.illegal.reRefer");

        referral.decline("不属于本部门职责", "liaison", NOW);
        referral.checkReReferable(UUID.randomUUID());
        assertThatThrownBy(() -> referral.checkReReferable(FULIAN))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((DomainException) e).getMessageKey())
                .isEqualTo("referral.reRefer.sameReceiver");

        Referral returned = sent();
        returned.accept("liaison", NOW);
        returned.returnToSender("超出服务范围", "liaison", NOW);
        returned.checkReReferable(UUID.randomUUID());
    }

    @Test
    void aReferralNeedsConsentUrgencyReasonServicesAndSharedFields() {
        Consent consent = Consent.of(ConsentBasis.CLIENT_CONSENT, null, null, null, TODAY);
        Map<SharedField, String> shared = Map.of(SharedField.NAME, "张小明");
        assertThatThrownBy(() -> new Referral(parties(), request(), null, shared, NOW, NOW))
                .extracting(e -> ((DomainException) e).getMessageKey())
                .isEqualTo("referral.consent.required");
        assertThatThrownBy(() -> new Referral(parties(), request(), consent, Map.of(), NOW, NOW))
                .extracting(e -> ((DomainException) e).getMessageKey())
                .isEqualTo("referral.shared.required");
        assertThatThrownBy(() ->
                        new Referral(parties(), new Referral.Request(null, "原因", "服务"), consent, shared, NOW, NOW))
                .extracting(e -> ((DomainException) e).getMessageKey())
                .isEqualTo("referral.urgency.required");
        assertThatThrownBy(() -> new Referral(
                        parties(), new Referral.Request(ReferralUrgency.NORMAL, "", "服务"), consent, shared, NOW, NOW))
                .extracting(e -> ((DomainException) e).getMessageKey())
                .isEqualTo("referral.reason.required");
    }

    @Test
    void consentRulesNameTheGuardianAndTheLegalBasis() {
        Consent client = Consent.of(ConsentBasis.CLIENT_CONSENT, null, null, null, TODAY);
        assertThat(client.getConsentedOn()).isEqualTo(TODAY);

        assertThatThrownBy(() -> Consent.of(ConsentBasis.GUARDIAN_CONSENT, " ", TODAY, null, TODAY))
                .extracting(e -> ((DomainException) e).getMessageKey())
                .isEqualTo("referral.consent.guardianRequired");
        Consent guardian = Consent.of(ConsentBasis.GUARDIAN_CONSENT, "张奶奶", TODAY.minusDays(1), null, TODAY);
        assertThat(guardian.getConsentedBy()).isEqualTo("张奶奶");

        assertThatThrownBy(() -> Consent.of(ConsentBasis.GUARDIAN_CONSENT, "张奶奶", TODAY.plusDays(1), null, TODAY))
                .extracting(e -> ((DomainException) e).getMessageKey())
                .isEqualTo("referral.consent.dateInFuture");
        assertThatThrownBy(() -> Consent.of(ConsentBasis.LEGAL_BASIS_OVERRIDE, null, null, "", TODAY))
                .extracting(e -> ((DomainException) e).getMessageKey())
                .isEqualTo("referral.consent.overrideReasonRequired");
        Consent override = Consent.of(ConsentBasis.LEGAL_BASIS_OVERRIDE, null, null, "未成年人保护法第十一条，疑似遭受侵害", TODAY);
        assertThat(override.getOverrideReason()).startsWith("未成年人保护法");
        assertThatThrownBy(() -> Consent.of(null, null, null, null, TODAY))
                .extracting(e -> ((DomainException) e).getMessageKey())
                .isEqualTo("referral.consent.required");
    }

    @Test
    void theMinimumSharesNoSensitiveField() {
        assertThat(SharedField.minimum())
                .containsExactlyInAnyOrder(SharedField.NAME, SharedField.SEX, SharedField.AGE, SharedField.VILLAGE);
        assertThat(SharedField.minimum()).noneMatch(SharedField::isSensitive);
        assertThat(SharedField.ID_NUMBER.isSensitive()).isTrue();
        assertThat(SharedField.PHONE.isSensitive()).isTrue();
    }

    @Test
    void responseTimesFollowUrgencyWithConfigurableDefaults() {
        ReferralPolicy defaults = new ReferralPolicy(null, null);
        assertThat(defaults.responseTime(ReferralUrgency.URGENT)).isEqualTo(Duration.ofHours(24));
        assertThat(defaults.responseTime(ReferralUrgency.HIGH)).isEqualTo(Duration.ofDays(3));
        assertThat(defaults.responseTime(ReferralUrgency.NORMAL)).isEqualTo(Duration.ofDays(5));
        assertThat(defaults.escalationCheck()).isEqualTo(Duration.ofMinutes(1));

        ReferralPolicy county =
                new ReferralPolicy(new ReferralPolicy.ResponseDue(Duration.ofHours(12), null, null), null);
        assertThat(county.responseTime(ReferralUrgency.URGENT)).isEqualTo(Duration.ofHours(12));
        assertThatThrownBy(() -> new ReferralPolicy.ResponseDue(Duration.ZERO, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertRefused(Runnable step, String key) {
        assertThatThrownBy(step::run)
                .isInstanceOf(ConflictException.class)
                .extracting(e -> ((DomainException) e).getMessageKey())
                .isEqualTo(key);
    }

    private static Referral sent() {
        return new Referral(
                parties(),
                request(),
                Consent.of(ConsentBasis.GUARDIAN_CONSENT, "张奶奶", TODAY, null, TODAY),
                Map.of(SharedField.NAME, "张小明", SharedField.AGE, "9"),
                NOW,
                NOW.plus(Duration.ofHours(24)));
    }

    private static Referral.Parties parties() {
        return new Referral.Parties(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                "410225101",
                UUID.randomUUID(),
                "station-guyang",
                FULIAN);
    }

    private static Referral.Request request() {
        return new Referral.Request(ReferralUrgency.URGENT, "孩子长期独自在家，需要心理辅导", "心理辅导；家庭教育指导");
    }
}
