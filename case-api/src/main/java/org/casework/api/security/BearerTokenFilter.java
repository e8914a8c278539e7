package org.casework.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.casework.api.problems.ProblemWriter;
import org.casework.core.accounts.TokenService;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API requests carrying {@code Authorization: Bearer <token>}, against the account as
 * it is now (a disabled user's token stops at once). A user whose password an administrator reset
 * may only change it (or log out) until they have.
 */
@RequiredArgsConstructor
class BearerTokenFilter extends OncePerRequestFilter {

    static final String CHANGE_PASSWORD = "/api/v1/auth/password";

    private final TokenService tokens;
    private final ProblemWriter problems;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Optional<TokenService.TokenHolder> holder =
                    tokens.authenticate(header.substring(7).strip());
            if (holder.isPresent()) {
                if (holder.get().passwordChangeRequired() && !mayWhileChangeRequired(request)) {
                    problems.write(request, response, HttpStatus.FORBIDDEN, "account.password.changeRequired");
                    return;
                }
                var details = holder.get().details();
                var authentication =
                        UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities());
                SecurityContextHolder.getContext().setAuthentication(authentication);
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean mayWhileChangeRequired(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "POST".equals(request.getMethod()) && CHANGE_PASSWORD.equals(path)
                || "DELETE".equals(request.getMethod()) && "/api/v1/auth/token".equals(path);
    }
}
