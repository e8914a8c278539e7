package org.casework.core.devices;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.casework.core.accounts.LoginService;
import org.casework.core.accounts.PasswordResetByAdministrator;
import org.casework.core.accounts.UserAccount;
import org.casework.core.accounts.UserAccountRepository;
import org.casework.core.audit.AuditTrail;
import org.casework.core.security.Actor;
import org.casework.core.security.ActorDetails;
import org.casework.core.security.CurrentActor;
import org.casework.core.security.Permission;
import org.casework.core.shared.AccessDeniedException;
import org.casework.core.shared.ConflictException;
import org.casework.core.shared.DomainException;
import org.casework.core.shared.FreeText;
import org.casework.core.shared.NotFoundException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers field devices with the user's password (same throttle as the login page), issues
 * rotating tokens, authenticates each sync call and lets an administrator or a supervisor covering
 * the user revoke a lost phone.
 */
@Service
@RequiredArgsConstructor
public class DeviceService {

    /** The reason kept with a revocation (and in the device history). */
    public static final int REVOKE_REASON_MAX_LENGTH = 300;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Who revokes a device on its own, and why (shown in the devices list, in the county's language). */
    private static final String SYSTEM = "system";

    private static final String REUSED_REFRESH = "刷新令牌被重复使用，令牌可能已被复制";
    private static final String PASSWORD_RESET = "管理员重置了用户密码";

    private final DeviceRepository devices;
    private final UserAccountRepository accounts;
    private final LoginService logins;
    private final CurrentActor currentActor;
    private final AuditTrail audit;
    private final SyncLimits limits;
    private final Clock clock;

    /** A registered device; the user's display name lets the phone greet them by name, not login. */
    public record Registration(
            UUID deviceId,
            String accessToken,
            Instant accessExpiresAt,
            String refreshToken,
            List<String> warnings,
            String displayName) {}

    public record Tokens(String accessToken, Instant accessExpiresAt, String refreshToken) {}

    /** Outcome of presenting an access token: an actor, or why not (expired, revoked, unknown). */
    public record Authentication(Status status, UUID deviceId, ActorDetails details) {
        public enum Status {
            OK,
            EXPIRED,
            REVOKED,
            INVALID
        }
    }

    /** A device as the administration list shows it. */
    public record DeviceView(
            UUID id,
            String name,
            String platform,
            UUID userId,
            String username,
            Instant registeredAt,
            Instant lastSeenAt,
            Instant revokedAt,
            String revokedBy,
            String revokeReason) {}

    /**
     * Binds a new device to the user. The password is checked through {@link LoginService}
     * (throttled; every refusal of credentials reads the same); a user whose password was reset must
     * first choose their own; only the roles that sync may register (protocol §4); at most
     * {@code maxDevicesPerUser} active devices.
     */
    @Transactional(noRollbackFor = DomainException.class)
    public Registration register(
            String username, String password, String name, String platform, String version, String clientAddress) {
        Instant now = clock.instant();
        UserAccount account = logins.login(username, password, clientAddress);
        if (account.isPasswordChangeRequired()) {
            throw new AccessDeniedException("account.password.changeRequired");
        }
        SyncRoles.require(account.toActor());
        long active = devices.countByUserIdAndRevokedAtIsNull(account.getId());
        if (active >= limits.maxDevicesPerUser()) {
            throw new ConflictException("device.limit", limits.maxDevicesPerUser());
        }
        List<String> warnings = new ArrayList<>();
        if (active + 1 >= limits.maxDevicesPerUser() - 1) {
            warnings.add("device.limitNear");
        }
        FreeText.checkCharacters("deviceName", name, false);
        FreeText.checkCharacters("platform", platform, false);
        FreeText.checkCharacters("clientVersion", version, false);
        String deviceName = name == null || name.isBlank() ? "?" : truncate(name.strip(), 100);
        Device device = new Device(account.getId(), deviceName, truncate(platform, 40), truncate(version, 40), now);
        Tokens tokens = issue(device, now);
        devices.save(device);
        audit.recordChange("Device", device.getId(), "REGISTERED", null, deviceName, account.getUsername());
        return new Registration(
                device.getId(),
                tokens.accessToken(),
                tokens.accessExpiresAt(),
                tokens.refreshToken(),
                warnings,
                account.getDisplayName());
    }

    /**
     * New access and refresh tokens; the refresh token presented stops working (rotation). A refresh
     * token already rotated away, presented again, means someone holds a copy: the device is revoked
     * (and told to wipe) — unless the device never used what the last refresh gave it, which is a
     * retry after a lost answer on a bad link, answered with new tokens.
     */
    @Transactional(noRollbackFor = DomainException.class)
    public Tokens refresh(UUID deviceId, String refreshToken) {
        Instant now = clock.instant();
        if (refreshToken == null || refreshToken.isBlank()) {
            throw new AccessDeniedException("device.unknown");
        }
        Device device = devices.findById(deviceId == null ? new UUID(0, 0) : deviceId)
                .orElseThrow(() -> new AccessDeniedException("device.unknown"));
        if (device.isRevoked() || !userEnabled(device)) {
            throw new AccessDeniedException("device.revoked");
        }
        String presented = hash(refreshToken);
        if (presented.equals(device.getPreviousRefreshHash())) {
            if (device.currentTokensUnused()) {
                Tokens tokens = reissue(device, now);
                devices.touch(device.getId(), now);
                return tokens;
            }
            device.revoke(now, SYSTEM, REUSED_REFRESH);
            audit.recordChange("Device", device.getId(), "REVOKED", null, REUSED_REFRESH, SYSTEM);
            throw new AccessDeniedException("device.revoked");
        }
        if (!presented.equals(device.getRefreshHash())
                || device.getRegisteredAt().plus(limits.refreshTokenLifetime()).isBefore(now)
                        && (device.getLastSeenAt() == null
                                || device.getLastSeenAt()
                                        .plus(limits.refreshTokenLifetime())
                                        .isBefore(now))) {
            throw new AccessDeniedException("device.unknown");
        }
        Tokens tokens = issue(device, now);
        devices.touch(device.getId(), now);
        return tokens;
    }

    /**
     * Revokes every active device of a user whose password an administrator reset, in the reset's
     * transaction: a phone signed in with the old password must not go on syncing.
     */
    @EventListener
    void on(PasswordResetByAdministrator event) {
        Instant now = clock.instant();
        for (Device device : devices.findByUserIdAndRevokedAtIsNull(event.userId())) {
            device.revoke(now, event.administrator(), PASSWORD_RESET);
            audit.recordChange("Device", device.getId(), "REVOKED", null, PASSWORD_RESET, event.administrator());
        }
    }

    /** Who calls with this access token, checked against the user's current account each time. */
    @Transactional
    public Authentication authenticate(String accessToken) {
        Instant now = clock.instant();
        Optional<Device> found = accessToken == null ? Optional.empty() : devices.findByAccessHash(hash(accessToken));
        if (found.isEmpty()) {
            return new Authentication(Authentication.Status.INVALID, null, null);
        }
        Device device = found.get();
        Optional<UserAccount> account = accounts.findById(device.getUserId());
        if (device.isRevoked() || account.isEmpty() || !account.get().isEnabled()) {
            return new Authentication(Authentication.Status.REVOKED, device.getId(), null);
        }
        if (!now.isBefore(device.getAccessExpiresAt())) {
            return new Authentication(Authentication.Status.EXPIRED, device.getId(), null);
        }
        devices.touch(device.getId(), now);
        UserAccount a = account.get();
        return new Authentication(Authentication.Status.OK, device.getId(), LoginService.details(a));
    }

    /** Tells whether a device that presented a revoked token is revoked (vs. unknown). */
    @Transactional(readOnly = true)
    public Optional<Device> find(UUID deviceId) {
        return devices.findById(deviceId);
    }

    /** Devices the caller administers: all for an administrator, their users' for a supervisor. */
    @Transactional(readOnly = true)
    public List<DeviceView> list() {
        Actor actor = currentActor.get();
        Map<UUID, UserAccount> users =
                accounts.findAll().stream().collect(Collectors.toMap(UserAccount::getId, Function.identity()));
        return devices.findAllNewestFirst().stream()
                .filter(d -> administers(actor, users.get(d.getUserId())))
                .map(d -> view(d, users.get(d.getUserId())))
                .toList();
    }

    /** Revokes a device (a lost phone): its next contact is refused and told to wipe. */
    @Transactional
    public DeviceView revoke(UUID id, String reason) {
        Actor actor = currentActor.get();
        Device device = devices.findById(id).orElseThrow(() -> new NotFoundException("device"));
        UserAccount user = accounts.findById(device.getUserId()).orElseThrow(() -> new NotFoundException("device"));
        if (!administers(actor, user)) {
            if (actor.has(Permission.MANAGE_USERS) || actor.has(Permission.SUPERVISE_CASES)) {
                throw new NotFoundException("device");
            }
            throw new AccessDeniedException("error.forbidden");
        }
        String why = FreeText.block("reason", reason, REVOKE_REASON_MAX_LENGTH);
        device.revoke(clock.instant(), actor.username(), why);
        audit.recordChange("Device", id, "REVOKED", null, why, actor.username());
        return view(device, user);
    }

    private static boolean administers(Actor actor, UserAccount user) {
        if (user == null) {
            return false;
        }
        if (actor.has(Permission.MANAGE_USERS)) {
            return true;
        }
        return actor.has(Permission.SUPERVISE_CASES)
                && actor.covers(user.toActor().jurisdiction());
    }

    private static DeviceView view(Device d, UserAccount user) {
        return new DeviceView(
                d.getId(),
                d.getName(),
                d.getPlatform(),
                d.getUserId(),
                user == null ? null : user.getUsername(),
                d.getRegisteredAt(),
                d.getLastSeenAt(),
                d.getRevokedAt(),
                d.getRevokedBy(),
                d.getRevokeReason());
    }

    private boolean userEnabled(Device device) {
        return accounts.findById(device.getUserId()).map(UserAccount::isEnabled).orElse(false);
    }

    private Tokens issue(Device device, Instant now) {
        String access = randomToken();
        String refresh = randomToken();
        Instant expires = now.plus(limits.accessTokenLifetime());
        device.issue(hash(access), expires, hash(refresh), now);
        return new Tokens(access, expires, refresh);
    }

    private Tokens reissue(Device device, Instant now) {
        String access = randomToken();
        String refresh = randomToken();
        Instant expires = now.plus(limits.accessTokenLifetime());
        device.reissue(hash(access), expires, hash(refresh), now);
        return new Tokens(access, expires, refresh);
    }

    private static String randomToken() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    static String hash(String raw) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
