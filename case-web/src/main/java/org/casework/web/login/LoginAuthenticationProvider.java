package org.casework.web.login;

import lombok.RequiredArgsConstructor;
import org.casework.core.accounts.LoginService;
import org.casework.core.accounts.LoginThrottledException;
import org.casework.core.accounts.UserAccount;
import org.casework.core.security.ActorDetails;
import org.casework.core.shared.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * The web form's password check, through the same {@link LoginService} as the API and the devices
 * (throttled; an unknown user and a wrong password read the same), instead of Spring Security's
 * own, which tells a locked or disabled account apart before it checks the password.
 */
@Component
@RequiredArgsConstructor
public class LoginAuthenticationProvider implements AuthenticationProvider {

    private final LoginService logins;

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String address =
                authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        Object credentials = authentication.getCredentials();
        try {
            UserAccount account = logins.login(
                    authentication.getName(), credentials == null ? null : credentials.toString(), address);
            ActorDetails details = LoginService.details(account);
            UsernamePasswordAuthenticationToken result =
                    UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities());
            result.setDetails(authentication.getDetails());
            return result;
        } catch (LoginThrottledException e) {
            throw new LoginThrottled(e.retryAfter().toSeconds());
        } catch (AccessDeniedException e) {
            if ("auth.disabled".equals(e.getMessageKey())) {
                throw new DisabledException(e.getMessageKey());
            }
            throw new BadCredentialsException(e.getMessageKey());
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** Too many wrong passwords: the login page says how many seconds to wait. */
    public static class LoginThrottled extends AuthenticationException {

        private final long retryAfterSeconds;

        LoginThrottled(long retryAfterSeconds) {
            super("auth.throttled");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
