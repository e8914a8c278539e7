package org.casework.web.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.casework.core.accounts.OwnAccountService;
import org.casework.core.accounts.OwnAccountService.Standing;
import org.casework.core.security.ActorDetails;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks on every page request that the signed-in user may still go on: a user disabled since they
 * logged in is signed out at once (one primary-key read per page), and a user whose password an
 * administrator reset is sent to the change-password page until they have chosen their own.
 */
public class AccountStandingFilter extends OncePerRequestFilter {

    static final String CHANGE_PASSWORD = "/account/password";

    private static final List<String> ALWAYS = List.of("/css/", "/js/", "/webjars/", "/m/", "/favicon.ico");

    private static final List<String> WHILE_CHANGE_REQUIRED = List.of(CHANGE_PASSWORD, "/logout", "/login", "/error");

    private final OwnAccountService accounts;

    public AccountStandingFilter(OwnAccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (authentication == null
                || !(authentication.getPrincipal() instanceof ActorDetails details)
                || ALWAYS.stream().anyMatch(path::startsWith)) {
            chain.doFilter(request, response);
            return;
        }
        Standing standing = accounts.standing(details.actor().userId());
        if (!standing.enabled()) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            redirect(request, response, "/login?error=disabled");
            return;
        }
        if (standing.passwordChangeRequired() && WHILE_CHANGE_REQUIRED.stream().noneMatch(path::equals)) {
            redirect(request, response, CHANGE_PASSWORD);
            return;
        }
        chain.doFilter(request, response);
    }

    /** htmx follows HX-Redirect with a full page load; a plain redirect would land inside a fragment. */
    private static void redirect(HttpServletRequest request, HttpServletResponse response, String target)
            throws IOException {
        String url = request.getContextPath() + target;
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", url);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } else {
            response.sendRedirect(url);
        }
    }
}
