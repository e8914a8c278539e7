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
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issues, checks and revokes bearer tokens for the API and field devices. */
@Service
@RequiredArgsConstructor
public class TokenService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserAccountRepository accounts;
    private final ApiTokenRepository tokens;
    private final AccountService accountService;
    private final PasswordEncoder passwordEncoder;
    private final LoginPolicy policy;
    private final Clock clock;

    /** A freshly issued token: the raw value is shown once and never stored. */
    public record IssuedToken(String token, Instant expiresAt) {}

    /**
     * Checks the password (with the same lockout as the login page) and issues a token. Every
     * refusal reads the same, so it does not tell which usernames exist.
     */
    @Transactional(noRollbackFor = DomainException.class)
    public IssuedToken issue(String username, String password) {
        Instant now = clock.instant();
        UserAccount account = accounts.findByUsername(username == null ? "" : username)
                .orElseThrow(() -> new DomainException("auth.badCredentials"));
        if (account.isLocked(now)) {
            throw new DomainException("auth.locked");
        }
        if (password == null || !passwordEncoder.matches(password, account.getPasswordHash())) {
            accountService.loginFailed(account.getUsername());
            throw new DomainException("auth.badCredentials");
        }
        if (!account.isEnabled()) {
            throw new DomainException("auth.disabled");
        }
        accountService.loginSucceeded(account.getUsername());
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String raw = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant expiresAt = now.plus(policy.tokenLifetime());
        tokens.save(new ApiToken(hash(raw), account.getId(), now, expiresAt));
        return new IssuedToken(raw, expiresAt);
    }

    /** The account behind a valid, unrevoked, unexpired token of an enabled user. */
    @Transactional(readOnly = true)
    public Optional<ActorDetails> authenticate(String rawToken) {
        Instant now = clock.instant();
        return tokens.findByTokenHash(hash(rawToken))
                .filter(t -> t.isValidAt(now))
                .flatMap(t -> accounts.findById(t.getUserId()))
                .filter(UserAccount::isEnabled)
                .map(a -> new ActorDetails(a.toActor(), a.getPasswordHash(), true, a.isLocked(now)));
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
