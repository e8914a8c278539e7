package org.casework.api.auth;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import lombok.RequiredArgsConstructor;
import org.casework.core.accounts.AccountService;
import org.casework.core.accounts.OwnAccountService;
import org.casework.core.accounts.TokenService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "auth")
@RestController
@RequestMapping("/api/v1/auth")
@RequiredArgsConstructor
class AuthController {

    private final TokenService tokens;
    private final OwnAccountService ownAccount;

    record TokenRequest(
            @NotBlank @Size(max = 64) String username,

            @NotBlank @Size(max = AccountService.PASSWORD_MAX_BYTES)
            String password) {}

    // named apart from the device sync protocol's TokenResponse in the OpenAPI document
    @Schema(name = "ApiTokenResponse")
    record TokenResponse(String token, String tokenType, Instant expiresAt) {}

    record PasswordChange(
            @Size(max = AccountService.PASSWORD_MAX_BYTES) String currentPassword,
            @Size(max = AccountService.PASSWORD_MAX_BYTES) String newPassword) {}

    @Operation(
            summary = "Exchange username and password for a bearer token",
            description = "401 auth.badCredentials for an unknown user and a wrong password alike; 429"
                    + " auth.throttled with Retry-After after too many wrong passwords for the username or"
                    + " from the address. A user whose password an administrator reset gets a token that"
                    + " only changes the password (POST /api/v1/auth/password) until they have.")
    @PostMapping("/token")
    TokenResponse issue(@Valid @RequestBody TokenRequest request, HttpServletRequest http) {
        TokenService.IssuedToken issued = tokens.issue(request.username(), request.password(), http.getRemoteAddr());
        return new TokenResponse(issued.token(), "Bearer", issued.expiresAt());
    }

    @Operation(
            summary = "Change the caller's own password",
            description = "The current password must be right (a wrong one counts as a failed login), the new"
                    + " one must follow the password policy. Ends a change required after an"
                    + " administrator's reset.")
    @PostMapping("/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(@RequestBody PasswordChange request, HttpServletRequest http) {
        ownAccount.changePassword(request.currentPassword(), request.newPassword(), http.getRemoteAddr());
    }

    @Operation(summary = "Revoke the token of this request (logout, lost device)")
    @DeleteMapping("/token")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        tokens.revoke(header.substring(7).strip());
    }
}
