package org.casework.it.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.casework.it.ApiTest;
import org.casework.it.fixtures.DemoUsers;
import org.casework.it.fixtures.UserBuilder;
import org.casework.it.fixtures.Villages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Device tokens end when the user's credentials do: an administrator's password reset or disabling
 * revokes the user's devices (told to wipe); a refresh token presented after it was rotated away
 * revokes the device — except a retry of a refresh whose answer was lost (its tokens never used).
 */
class DeviceCredentialsIT extends ApiTest {

    @LocalServerPort
    int port;

    SyncHttp http;

    @BeforeAll
    void client() {
        http = new SyncHttp(port);
    }

    private record Registered(UUID userId, String deviceId, String access, String refresh) {}

    private Registered register() {
        UserBuilder user = UserBuilder.aVillageChildDirector().in(Villages.RENZHUANG);
        UUID userId = registry.createUser(user);
        SyncHttp.Reply r = http.post(
                "/api/sync/v1/devices",
                Map.of("username", user.username(), "password", user.password(), "deviceName", "红米 9A"),
                null,
                false);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return new Registered(
                userId,
                r.body().get("deviceId").asString(),
                r.body().get("accessToken").asString(),
                r.body().get("refreshToken").asString());
    }

    private SyncHttp.Reply sync(String access) {
        return http.post("/api/sync/v1/sync", Map.of(), access, false);
    }

    private SyncHttp.Reply refresh(Registered d, String refreshToken) {
        return http.post(
                "/api/sync/v1/devices/refresh",
                Map.of("deviceId", d.deviceId(), "refreshToken", refreshToken),
                null,
                false);
    }

    private static void assertWipe(SyncHttp.Reply r) {
        assertThat(r.status()).as(r.text()).isEqualTo(401);
        assertThat(r.body().get("code").asString()).isEqualTo("device.revoked");
    }

    private JsonNode deviceInList(String deviceId) {
        for (JsonNode d : api.get("/api/v1/devices", token(DemoUsers.ADMIN)).body()) {
            if (d.get("id").asString().equals(deviceId)) {
                return d;
            }
        }
        throw new AssertionError("device not listed: " + deviceId);
    }

    @Test
    void anAdministratorsPasswordResetRevokesTheUsersDevices() {
        Registered d = register();
        assertThat(sync(d.access()).status()).isEqualTo(200);

        api.post(
                "/api/v1/users/" + d.userId() + "/reset-password",
                Map.of("password", "Temporary-Reset-77"),
                token(DemoUsers.ADMIN));

        SyncHttp.Reply after = sync(d.access());
        assertWipe(after);
        assertThat(after.body().get("wipe").asBoolean()).isTrue();
        assertWipe(refresh(d, d.refresh()));
        assertThat(deviceInList(d.deviceId()).get("revokedBy").asString()).isEqualTo(DemoUsers.ADMIN);
    }

    @Test
    void disablingTheUserStopsTheDeviceAtOnce() {
        Registered d = register();
        assertThat(sync(d.access()).status()).isEqualTo(200);

        api.post("/api/v1/users/" + d.userId() + "/disable", Map.of(), token(DemoUsers.ADMIN));

        assertWipe(sync(d.access()));
        assertWipe(refresh(d, d.refresh()));
    }

    @Test
    void aRefreshTokenUsedAgainAfterItsReplacementWasUsedRevokesTheDevice() {
        Registered d = register();
        SyncHttp.Reply rotated = refresh(d, d.refresh());
        assertThat(rotated.status()).isEqualTo(200);
        String newAccess = rotated.body().get("accessToken").asString();
        assertThat(sync(newAccess).status()).isEqualTo(200);

        SyncHttp.Reply stolen = refresh(d, d.refresh());

        assertWipe(stolen);
        assertWipe(sync(newAccess));
        assertThat(deviceInList(d.deviceId()).get("revokedAt").isNull()).isFalse();
    }

    @Test
    void aRetriedRefreshAfterALostAnswerGetsNewTokensWithoutRevoking() {
        Registered d = register();
        SyncHttp.Reply lost = refresh(d, d.refresh());
        assertThat(lost.status()).isEqualTo(200);

        // the answer never reached the phone: it retries with the refresh token it still holds
        SyncHttp.Reply retried = refresh(d, d.refresh());

        assertThat(retried.status()).as(retried.text()).isEqualTo(200);
        assertThat(sync(retried.body().get("accessToken").asString()).status()).isEqualTo(200);
        assertThat(sync(lost.body().get("accessToken").asString()).status())
                .as("the lost answer's tokens are replaced")
                .isEqualTo(401);
        assertThat(refresh(d, retried.body().get("refreshToken").asString()).status())
                .isEqualTo(200);
    }
}
