package org.casework.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.time.Period;
import java.util.Set;
import java.util.stream.Collectors;
import org.casework.core.accounts.LoginPolicy;
import org.casework.core.assessments.ChildRiskSettings;
import org.casework.core.devices.SyncLimits;
import org.casework.core.flags.FlagSlaPolicy;
import org.casework.core.indicators.IndicatorSettings;
import org.casework.core.referrals.ReferralPolicy;
import org.casework.core.visits.VisitPolicy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The constraints of the county settings: the defaults pass, and a zero or negative SLA, interval,
 * limit or age is refused with the setting's name, instead of being replaced by a default.
 */
class SettingsValidationTest {

    private static jakarta.validation.ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    private static Set<String> invalid(Object settings) {
        return validator.validate(settings).stream()
                .map(ConstraintViolation::getPropertyPath)
                .map(Object::toString)
                .collect(Collectors.toSet());
    }

    @Test
    void theDefaultsAreValid() {
        assertThat(invalid(VisitPolicy.defaults())).isEmpty();
        assertThat(invalid(new FlagSlaPolicy())).isEmpty();
        assertThat(invalid(LoginPolicy.defaults())).isEmpty();
        assertThat(invalid(new SyncLimits(null, null, null, null, null))).isEmpty();
        assertThat(invalid(new ReferralPolicy(null, null))).isEmpty();
        assertThat(invalid(new IndicatorSettings())).isEmpty();
        assertThat(invalid(ChildRiskSettings.defaults())).isEmpty();
    }

    @Test
    void refusesVisitIntervalsOfZeroOrLess() {
        VisitPolicy policy =
                new VisitPolicy(null, Duration.ZERO, Period.ofDays(-7), null, Period.ZERO, null, null, null, null);

        assertThat(invalid(policy)).containsExactlyInAnyOrder("redResponse", "redInterval", "yellowInterval");
    }

    @Test
    void refusesAFlagSlaOfZeroOrNegativeAndNoWorkingDays() {
        FlagSlaPolicy sla = new FlagSlaPolicy();
        sla.setRed(Duration.ofHours(-2));
        sla.setOrange(Duration.ZERO);
        sla.setOtherWorkingDays(0);

        assertThat(invalid(sla)).containsExactlyInAnyOrder("red", "orange", "otherWorkingDays");
    }

    @Test
    void refusesSyncLimitsOfZeroInsteadOfTakingTheDefault() {
        SyncLimits limits = new SyncLimits(0, -1, 0, Duration.ZERO, null);

        assertThat(invalid(limits))
                .containsExactlyInAnyOrder(
                        "maxDevicesPerUser", "warnPendingMutations", "maxMutationsPerSync", "accessTokenLifetime");
        assertThat(limits.maxDevicesPerUser()).isZero();
    }

    @Test
    void refusesLoginSettingsThatWouldWeakenTheDoor() {
        LoginPolicy policy = new LoginPolicy(null, null, 0, 4, Duration.ofHours(-1));

        assertThat(invalid(policy)).containsExactlyInAnyOrder("notifyAfter", "passwordMinLength", "tokenLifetime");
    }

    @Test
    void refusesAnEscalationCheckOfZero() {
        assertThat(invalid(new ReferralPolicy(null, Duration.ZERO))).containsExactly("escalationCheck");
    }

    @Test
    void refusesIndicatorThresholdsOutOfRange() {
        IndicatorSettings settings = new IndicatorSettings();
        settings.setOverloadThreshold(0);
        settings.setTrendMonths(48);

        assertThat(invalid(settings)).containsExactlyInAnyOrder("overloadThreshold", "trendMonths");
    }

    @Test
    void refusesChildAgesOutsideChildhood() {
        assertThat(invalid(new ChildRiskSettings(0, 19, null)))
                .containsExactlyInAnyOrder("livingAloneAge", "unattendedAge");
    }
}
