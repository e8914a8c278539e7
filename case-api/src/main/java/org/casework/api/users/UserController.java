package org.casework.api.users;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.api.PageResponse;
import org.casework.api.Paging;
import org.casework.core.accounts.AccountService;
import org.casework.core.accounts.AccountService.NewUser;
import org.casework.core.accounts.LoginService;
import org.casework.core.accounts.UserAccount;
import org.casework.core.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "users")
@RestController
@RequestMapping("/api/v1/users")
@RequiredArgsConstructor
class UserController {

    private final AccountService accounts;
    private final LoginService logins;

    private UserResponse respond(UserAccount account) {
        return UserResponse.of(account, logins.throttledFor(account.getUsername()));
    }

    record UserResponse(
            UUID id,
            String username,
            String displayName,
            Role role,
            String jurisdictionCode,
            UUID organisationId,
            boolean enabled,
            String maskedPhone,
            int failedLogins,
            Long throttledForSeconds,
            boolean passwordChangeRequired,
            long version) {
        static UserResponse of(UserAccount a, Optional<Duration> throttled) {
            return new UserResponse(
                    a.getId(),
                    a.getUsername(),
                    a.getDisplayName(),
                    a.getRole(),
                    a.getJurisdictionCode(),
                    a.getOrganisationId(),
                    a.isEnabled(),
                    a.maskedPhone(),
                    a.getFailedLogins(),
                    throttled.map(d -> Math.max(1, (d.toMillis() + 999) / 1000)).orElse(null),
                    a.isPasswordChangeRequired(),
                    a.getVersion() == null ? 0 : a.getVersion());
        }
    }

    record PasswordReset(
            @Size(max = AccountService.PASSWORD_MAX_BYTES) String password) {}

    /** The user's own phone for SMS alerts; null or blank removes it. */
    record PhoneChange(@Size(max = 20) String phone) {}

    @GetMapping
    PageResponse<UserResponse> list(
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return PageResponse.of(accounts.list(Paging.of(page, size)), this::respond);
    }

    @GetMapping("/{id}")
    UserResponse get(@PathVariable UUID id) {
        return respond(accounts.get(id));
    }

    @Operation(summary = "Create a user (administrators)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    UserResponse create(@RequestBody NewUser request) {
        return respond(accounts.create(request));
    }

    @PostMapping("/{id}/disable")
    UserResponse disable(@PathVariable UUID id) {
        return respond(accounts.disable(id));
    }

    @PostMapping("/{id}/enable")
    UserResponse enable(@PathVariable UUID id) {
        return respond(accounts.enable(id));
    }

    @Operation(summary = "Set or remove the user's phone for SMS alerts (administrators); shown masked")
    @PostMapping("/{id}/phone")
    UserResponse changePhone(@PathVariable UUID id, @RequestBody PhoneChange request) {
        return respond(accounts.changePhone(id, request == null ? null : request.phone()));
    }

    @Operation(
            summary = "Lift the login throttle of the user (administrators)",
            description = "Wrong passwords slow logins of the username down (429 with Retry-After); this"
                    + " lets the user try again at once and starts their failure count again.")
    @PostMapping("/{id}/unlock")
    UserResponse unlock(@PathVariable UUID id) {
        return respond(accounts.unlock(id));
    }

    @Operation(
            summary = "Set a new password for the user (administrators)",
            description = "The password policy applies. The user must change it at their next login; their"
                    + " API tokens and field devices are revoked.")
    @PostMapping("/{id}/reset-password")
    UserResponse resetPassword(@PathVariable UUID id, @RequestBody PasswordReset request) {
        return respond(accounts.resetPassword(id, request.password()));
    }
}
