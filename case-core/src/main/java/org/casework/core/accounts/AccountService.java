package org.casework.core.accounts;

import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.audit.AuditTrail;
import org.casework.core.clients.PhoneNumber;
import org.casework.core.organisations.OrganisationRepository;
import org.casework.core.regions.RegionService;
import org.casework.core.security.Actor;
import org.casework.core.security.CurrentActor;
import org.casework.core.security.Permission;
import org.casework.core.security.Role;
import org.casework.core.shared.ConflictException;
import org.casework.core.shared.InvalidInputException;
import org.casework.core.shared.NotFoundException;
import org.casework.core.shared.RegionCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * User administration (administrators only): accounts, their passwords and throttles. The user's
 * own password is {@link OwnAccountService}'s; the check of every login door is {@link LoginService}'s.
 */
@Service
@RequiredArgsConstructor
public class AccountService {

    private final UserAccountRepository accounts;
    private final OrganisationRepository organisations;
    private final RegionService regions;
    private final PasswordEncoder passwordEncoder;
    private final CurrentActor currentActor;
    private final ApiTokenRepository tokens;
    private final PasswordPolicy passwordPolicy;
    private final LoginThrottle throttle;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;

    /** What an administrator enters for a new user. */
    public record NewUser(
            @Size(max = 64) String username,
            @Size(max = UserAccount.DISPLAY_NAME_MAX_LENGTH) String displayName,
            @Size(max = PASSWORD_MAX_BYTES) String password,
            Role role,
            @Size(max = 12) String jurisdictionCode,
            UUID organisationId) {}

    /** What bcrypt reads of a password: 72 bytes of UTF-8 (72 Latin letters, 24 Chinese characters). */
    public static final int PASSWORD_MAX_BYTES = 72;

    /** Creates a user; refuses a taken username, a weak password or a jurisdiction of the wrong level. */
    @Transactional
    public UserAccount create(NewUser command) {
        currentActor.require(Permission.MANAGE_USERS);
        checkPassword(command);
        return save(command);
    }

    /**
     * For bootstrap, where no administrator is logged in yet: the password policy applies as for
     * any account.
     */
    @Transactional
    public UserAccount createUnchecked(NewUser command) {
        checkPassword(command);
        return save(command);
    }

    /**
     * For the embedded demo county only: its accounts share the published password
     * {@code casework-demo}, which the password policy refuses on purpose. Production profiles never
     * seed the demo, so no real account is ever made this way.
     */
    @Transactional
    public UserAccount createDemoAccount(NewUser command) {
        return save(command);
    }

    private void checkPassword(NewUser command) {
        passwordPolicy.check(command.password(), command.username(), command.displayName());
    }

    private UserAccount save(NewUser command) {
        if (command.role() == null) {
            throw new InvalidInputException("role", "account.role.required");
        }
        if (command.username() != null && accounts.existsByUsername(command.username())) {
            throw new ConflictException("account.username.taken", command.username());
        }
        RegionCode jurisdiction = RegionCode.parse(command.jurisdictionCode());
        regions.require(jurisdiction);
        if (command.organisationId() != null && !organisations.existsById(command.organisationId())) {
            throw new InvalidInputException("organisationId", "organisation.unknown");
        }
        UserAccount account = new UserAccount(
                command.username(),
                command.displayName(),
                passwordEncoder.encode(command.password() == null ? "" : command.password()),
                command.role(),
                jurisdiction,
                command.organisationId());
        return accounts.save(account);
    }

    @Transactional(readOnly = true)
    public Page<UserAccount> list(Pageable pageable) {
        currentActor.require(Permission.MANAGE_USERS);
        return accounts.findAllByOrderByUsername(pageable);
    }

    @Transactional(readOnly = true)
    public UserAccount get(UUID id) {
        currentActor.require(Permission.MANAGE_USERS);
        return accounts.findById(id).orElseThrow(() -> new NotFoundException("user"));
    }

    /**
     * The logged-in user's own display name, for page headers; every user may read their own,
     * while {@link #get(UUID)} stays with administrators.
     */
    @Transactional(readOnly = true)
    public String currentDisplayName() {
        Actor actor = currentActor.get();
        return accounts.findById(actor.userId())
                .map(UserAccount::getDisplayName)
                .orElse(actor.username());
    }

    /**
     * Display names of staff accounts by id, for pages that show who a case is assigned to. Any
     * logged-in user may read them: names of colleagues are not client data.
     */
    @Transactional(readOnly = true)
    public Map<UUID, String> staffNames(Collection<UUID> ids) {
        currentActor.get();
        if (ids == null || ids.isEmpty()) {
            return Map.of();
        }
        Map<UUID, String> names = new HashMap<>();
        accounts.findAllById(Set.copyOf(ids)).forEach(a -> names.put(a.getId(), a.getDisplayName()));
        return names;
    }

    /** Disables the account and revokes its tokens (a lost phone, a worker who left). */
    @Transactional
    public UserAccount disable(UUID id) {
        UserAccount account = get(id);
        if (account.getId().equals(currentActor.get().userId())) {
            throw new InvalidInputException("id", "account.disable.self");
        }
        account.disable();
        tokens.revokeAllOf(account.getId(), clock.instant());
        return account;
    }

    @Transactional
    public UserAccount enable(UUID id) {
        UserAccount account = get(id);
        account.enable();
        return account;
    }

    /**
     * Sets (or, when blank, removes) the user's own phone for SMS alerts. Stored encrypted; screens
     * show it masked.
     */
    @Transactional
    public UserAccount changePhone(UUID id, String phone) {
        UserAccount account = get(id);
        account.changePhone(phone == null || phone.isBlank() ? null : PhoneNumber.parse(phone));
        return account;
    }

    /**
     * Sets a new password chosen by the administrator. It must follow the password policy; the user
     * has to replace it at their next login; their API tokens are revoked and their field devices
     * too (through {@link PasswordResetByAdministrator}); a throttle on the username is lifted.
     */
    @Transactional
    public UserAccount resetPassword(UUID id, String newPassword) {
        UserAccount account = get(id);
        passwordPolicy.check(newPassword, account.getUsername(), account.getDisplayName());
        account.resetPassword(passwordEncoder.encode(newPassword));
        tokens.revokeAllOf(account.getId(), clock.instant());
        throttle.clear(account.getUsername());
        String administrator = currentActor.get().username();
        audit.recordChange("UserAccount", id, "PASSWORD_RESET", null, administrator);
        events.publishEvent(new PasswordResetByAdministrator(account.getId(), administrator));
        return account;
    }

    /**
     * Lifts the login throttle of the user's username at once and starts their failure count
     * again (a user who mistyped too often and cannot wait). The throttle of the addresses stays.
     */
    @Transactional
    public UserAccount unlock(UUID id) {
        UserAccount account = get(id);
        account.loginSucceeded();
        throttle.clear(account.getUsername());
        audit.recordChange(
                "UserAccount", id, "UNLOCKED", null, currentActor.get().username());
        return account;
    }
}
