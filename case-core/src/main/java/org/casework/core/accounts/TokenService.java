package org.casework.core.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.casework.core.security.ActorDetails;
import org.casework.core.shared.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issues, checks and revokes bearer tokens for the API and field devices. */
@Service
@RequiredArgsConstructor
public class TokenService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserAccountRepository accounts;
    private final ApiTokenRepository tokens;
    private final LoginService logins;
    private final LoginPolicy policy;
    private final Clock clock;

    /** A freshly issued token: the raw value is shown once and never stored. */
    public record IssuedToken(String token, Instant expiresAt) {}

    /**
     * Checks the password through {@link LoginService} (throttled, and every refusal reads the same
     * whether the username exists or not) and issues a token.
     *
     * @param clientAddress where the request came from, for the throttle
     */
    @Transactional(noRollbackFor = DomainException.class)
    public IssuedToken issue(String username, String password, String clientAddress) {
        UserAccount account = logins.login(username, password, clientAddress);
        Instant now = clock.instant();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String raw = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant expiresAt = now.plus(policy.tokenLifetime());
        tokens.save(new ApiToken(hash(raw), account.getId(), now, expiresAt));
        return new IssuedToken(raw, expiresAt);
    }

    /** Who holds a valid token, and whether they must change their password before anything else. */
    public record TokenHolder(ActorDetails details, boolean passwordChangeRequired) {}

    /**
     * The account behind a valid, unrevoked, unexpired token of an enabled user, read anew for every
     * request: a user disabled a moment ago is refused at once.
     */
    @Transactional(readOnly = true)
    public Optional<TokenHolder> authenticate(String rawToken) {
        Instant now = clock.instant();
        return tokens.findByTokenHash(hash(rawToken))
                .filter(t -> t.isValidAt(now))
                .flatMap(t -> accounts.findById(t.getUserId()))
                .filter(UserAccount::isEnabled)
                .map(a -> new TokenHolder(LoginService.details(a), a.isPasswordChangeRequired()));
    }

    /** Revokes the token presented (logout of a device). */
    @Transactional
    public void revoke(String rawToken) {
        tokens.findByTokenHash(hash(rawToken)).ifPresent(t -> t.revoke(clock.instant()));
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
