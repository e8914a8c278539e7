package org.casework.core.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.casework.core.security.Role;
import org.casework.core.shared.InvalidInputException;
import org.casework.core.shared.RegionCode;
import org.junit.jupiter.api.Test;

class UserAccountTest {

    private static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");

    private static UserAccount stationWorker() {
        return new UserAccount(
                "station-test", "测试社工", "{noop}x", Role.STATION_WORKER, new RegionCode("410225101"), null);
    }

    @Test
    void countsWrongPasswordsInARowWithoutEverLocking() {
        UserAccount account = stationWorker();
        for (int i = 1; i <= 50; i++) {
            assertThat(account.loginFailed(NOW)).isEqualTo(i);
        }
        assertThat(account.getLastFailedLoginAt()).isEqualTo(NOW);
        assertThat(account.isEnabled()).isTrue();
    }

    @Test
    void aSuccessfulLoginResetsTheCount() {
        UserAccount account = stationWorker();
        for (int i = 0; i < 4; i++) {
            account.loginFailed(NOW);
        }
        account.loginSucceeded();
        assertThat(account.loginFailed(NOW)).isEqualTo(1);
    }

    @Test
    void aPasswordResetRequiresAChangeAndTheUsersOwnChangeEndsIt() {
        UserAccount account = stationWorker();
        account.loginFailed(NOW);
        account.resetPassword("{noop}new");
        assertThat(account.getFailedLogins()).isZero();
        assertThat(account.getPasswordHash()).isEqualTo("{noop}new");
        assertThat(account.isPasswordChangeRequired()).isTrue();

        account.changePassword("{noop}mine");

        assertThat(account.isPasswordChangeRequired()).isFalse();
        assertThat(account.getPasswordHash()).isEqualTo("{noop}mine");
    }

    @Test
    void refusesAJurisdictionOfTheWrongLevelForTheRole() {
        assertThatThrownBy(() -> new UserAccount(
                        "director-x", "主任", "{noop}x", Role.VILLAGE_CHILD_DIRECTOR, new RegionCode("410225101"), null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("account.jurisdiction.wrongLevel");
    }

    @Test
    void refusesUsernamesWithSpacesOrCapitals() {
        assertThatThrownBy(() -> new UserAccount(
                        "Bad Name", "x", "{noop}x", Role.STATION_WORKER, new RegionCode("410225101"), null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("account.username.invalid");
    }
}
