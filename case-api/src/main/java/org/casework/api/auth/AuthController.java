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
import org.casework.core.accounts.TokenService;
import org.casework.core.shared.AccessDeniedException;
import org.casework.core.shared.DomainException;
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

    record TokenRequest(
            @NotBlank @Size(max = 64) String username,

            @NotBlank @Size(max = AccountService.PASSWORD_MAX_BYTES)
            String password) {}

    // named apart from the device sync protocol's TokenResponse in the OpenAPI document
    @Schema(name = "ApiTokenResponse")
    record TokenResponse(String token, String tokenType, Instant expiresAt) {}

    @Operation(summary = "Exchange username and password for a bearer token")
    @PostMapping("/token")
    TokenResponse issue(@Valid @RequestBody TokenRequest request) {
        try {
            TokenService.IssuedToken issued = tokens.issue(request.username(), request.password());
            return new TokenResponse(issued.token(), "Bearer", issued.expiresAt());
        } catch (DomainException e) {
            // Wrong password, locked or disabled (auth.*): answered as 401 with the reason.
            throw new AccessDeniedException(e.getMessageKey());
        }
    }

    @Operation(summary = "Revoke the token of this request (logout, lost device)")
    @DeleteMapping("/token")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        tokens.revoke(header.substring(7).strip());
    }
}
