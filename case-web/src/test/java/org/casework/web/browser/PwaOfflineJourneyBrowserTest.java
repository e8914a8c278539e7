package org.casework.web.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.fixtures.ClientBuilder.aLeftBehindChild;

import java.nio.ByteBuffer;
import java.util.UUID;
import org.casework.it.Api;
import org.casework.it.IntegrationTest;
import org.casework.it.fixtures.ClientBuilder;
import org.casework.it.fixtures.DemoUsers;
import org.casework.it.fixtures.Registry;
import org.casework.it.fixtures.UserBuilder;
import org.casework.it.fixtures.Villages;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 6's journey: a village child director works offline on the app at /m/ and hands everything
 * to the station with one sync. Offline is real: the browser reaches the server only through an
 * {@link OfflineGate} that is shut while the phone has no signal.
 */
@Tag("browser")
@IntegrationTest
class PwaOfflineJourneyBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aWeekOfflineThenOneSyncHandsEveryVisitAndTheFlagToTheStationOnce() {
        Registry registry = new Registry(new Api(port));
        UserBuilder director = UserBuilder.aVillageChildDirector().in(Villages.RENZHUANG);
        registry.createUser(director);
        ClientBuilder child = aLeftBehindChild().inVillage(Villages.RENZHUANG);
        UUID childId = registry.registerId(DemoUsers.STATION_GUYANG, child);

        try (OfflineGate gate = new OfflineGate(port);
                PwaPhone phone = new PwaPhone(gate)) {
            // first login online: registers the phone, first sync of the village
            phone.open();
            phone.login(director.username(), director.password());
            phone.waitForOfflineShell();

            // no signal; the app still opens from the service worker, and the same password unlocks it
            phone.offline();
            phone.browser().driver().navigate().refresh();
            phone.browser().waitFor(By.id("login-form"));
            phone.login(director.username(), director.password());

            phone.openChild(child.fullName());
            for (int i = 1; i <= 3; i++) {
                phone.logVisit("离线走访" + i, 20 + i);
            }
            phone.raiseFlag("LIVING_ALONE", "孩子一个人在家，奶奶住院了");
            assertThat(phone.pending()).isEqualTo("4");
            assertThat(visits(childId)).isZero();

            // the phone is switched off and on again, still without signal: offline login
            phone.quit();
            phone.start();
            phone.offline();
            phone.open();
            phone.browser().waitFor(By.id("login-form"));
            assertThat(phone.loginRefused(director.username(), "not-the-password"))
                    .isEqualTo("密码不正确。");
            phone.browser().find(By.id("login-password")).clear();
            phone.login(director.username(), director.password());
            assertThat(phone.pending()).isEqualTo("4");

            // back in signal: one sync hands everything over
            phone.online();
            phone.syncNow();
            assertThat(phone.textOf(By.id("sync-clear"))).isNotBlank();
        }

        assertThat(visits(childId)).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flag WHERE client_id = ?", Integer.class, bytes(childId)))
                .isEqualTo(1);

        // the station's triage queue shows the flag
        try (Browser station = new Browser(port)) {
            station.login(DemoUsers.STATION_GUYANG);
            station.open("/flags");
            assertThat(station.bodyText()).contains(child.fullName());
        }
    }

    private int visits(UUID clientId) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM service_record WHERE client_id = ?", Integer.class, bytes(clientId));
    }

    static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
    }
}
