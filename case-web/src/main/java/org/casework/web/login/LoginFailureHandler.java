package org.casework.web.login;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Sends a failed login back to the form with the reason: a wrong password (or unknown user, alike),
 * a disabled account (only after the right password), or a throttle with its wait in seconds.
 */
public class LoginFailureHandler implements AuthenticationFailureHandler {

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String query;
        if (exception instanceof LoginAuthenticationProvider.LoginThrottled throttled) {
            query = "error=throttled&wait=" + throttled.retryAfterSeconds();
            response.setHeader("Retry-After", String.valueOf(throttled.retryAfterSeconds()));
        } else if (exception instanceof DisabledException) {
            query = "error=disabled";
        } else {
            query = "error=bad";
        }
        response.sendRedirect(request.getContextPath() + "/login?" + query);
    }
}
