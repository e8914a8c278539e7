package org.casework.core.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.casework.core.clients.PhoneNumber;
import org.casework.core.security.Actor;
import org.casework.core.security.Role;
import org.casework.core.shared.AbstractAggregate;
import org.casework.core.shared.EncryptedStringConverter;
import org.casework.core.shared.FreeText;
import org.casework.core.shared.InvalidInputException;
import org.casework.core.shared.RegionCode;

/** A person who logs in: role, jurisdiction, organisation, password and its failures. */
@Entity
@Table(name = "user_account")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class UserAccount extends AbstractAggregate {

    public static final int DISPLAY_NAME_MAX_LENGTH = 100;

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    @Column(nullable = false, length = 100)
    private String displayName;

    @Column(nullable = false, length = 200)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private Role role;

    @Column(nullable = false, length = 12)
    private String jurisdictionCode;

    @Column(columnDefinition = "BINARY(16)")
    private UUID organisationId;

    private boolean enabled = true;

    /** Wrong passwords since the last successful login (or unlock), for the user's notice and the admin list. */
    private int failedLogins;

    private Instant lastFailedLoginAt;

    /** Set by an administrator's reset: the user must choose their own password before anything else. */
    private boolean passwordChangeRequired;

    /** The user's own mobile for SMS alerts (optional); encrypted at rest like clients' phones. */
    @Getter(AccessLevel.NONE)
    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "phone_enc", length = 200)
    private String phone;

    public UserAccount(
            String username, String displayName, String passwordHash, Role role, RegionCode jurisdiction, UUID org) {
        if (username == null || !username.matches("[a-z0-9][a-z0-9._-]{2,63}")) {
            throw new InvalidInputException("username", "account.username.invalid");
        }
        if (!role.acceptsJurisdiction(jurisdiction.level())) {
            throw new InvalidInputException("jurisdictionCode", "account.jurisdiction.wrongLevel");
        }
        this.username = username;
        this.role = role;
        this.jurisdictionCode = jurisdiction.value();
        this.organisationId = org;
        this.passwordHash = passwordHash;
        rename(displayName);
    }

    public void rename(String newDisplayName) {
        String name = FreeText.line("displayName", newDisplayName, DISPLAY_NAME_MAX_LENGTH);
        if (name == null) {
            throw new InvalidInputException("displayName", "account.displayName.required");
        }
        this.displayName = name;
    }

    public Actor toActor() {
        return new Actor(getId(), username, role, new RegionCode(jurisdictionCode), organisationId);
    }

    /**
     * Counts a wrong password and returns how many there have been in a row. Never locks: the login
     * throttle slows attempts down, and a hard lock would let anyone shut any user out.
     */
    public int loginFailed(Instant now) {
        failedLogins++;
        lastFailedLoginAt = now;
        return failedLogins;
    }

    /** The right password, or an administrator's unlock: the count starts again. */
    public void loginSucceeded() {
        failedLogins = 0;
    }

    public void disable() {
        enabled = false;
    }

    public void enable() {
        enabled = true;
    }

    /**
     * An administrator's reset: the password is one someone else knows, so the user must replace
     * it at their next login; the failure count starts again.
     */
    public void resetPassword(String newPasswordHash) {
        this.passwordHash = newPasswordHash;
        this.passwordChangeRequired = true;
        loginSucceeded();
    }

    /** The user's own new password, which ends a required change. */
    public void changePassword(String newPasswordHash) {
        this.passwordHash = newPasswordHash;
        this.passwordChangeRequired = false;
    }

    /** Sets or (with null) removes the phone that SMS alerts go to. */
    public void changePhone(PhoneNumber newPhone) {
        this.phone = newPhone == null ? null : newPhone.value();
    }

    /** The phone for SMS alerts, if one is set. */
    public Optional<PhoneNumber> phoneNumber() {
        return phone == null ? Optional.empty() : Optional.of(new PhoneNumber(phone));
    }

    /** For screens: "138****5678", or null. */
    public String maskedPhone() {
        return phone == null ? null : new PhoneNumber(phone).masked();
    }
}
