package org.casework.sync.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.casework.core.devices.DeviceService;
import org.casework.core.devices.DeviceService.Authentication;
import org.casework.sync.protocol.SyncNames.Code;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates sync calls by the device's access token, as the device's user with their current
 * role and jurisdiction (so the domain services run as that user). An expired token, a revoked
 * device or a disabled user is answered here with the protocol's codes.
 */
@RequiredArgsConstructor
class DeviceTokenFilter extends OncePerRequestFilter {

    static final String DEVICE_ID = DeviceTokenFilter.class.getName() + ".deviceId";

    private final DeviceService devices;
    private final SyncProblems problems;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Authentication auth = devices.authenticate(header.substring(7).strip());
            switch (auth.status()) {
                case OK -> {
                    var authentication = UsernamePasswordAuthenticationToken.authenticated(
                            auth.details(), null, auth.details().getAuthorities());
                    SecurityContextHolder.getContext().setAuthentication(authentication);
                    request.setAttribute(DEVICE_ID, auth.deviceId());
                }
                case EXPIRED -> {
                    problems.write(request, response, HttpStatus.UNAUTHORIZED, Code.TOKEN_EXPIRED, null);
                    return;
                }
                case REVOKED -> {
                    // The client deletes its local store (records and outbox) and stops.
                    problems.write(
                            request, response, HttpStatus.UNAUTHORIZED, Code.DEVICE_REVOKED, Map.of("wipe", true));
                    return;
                }
                case INVALID -> {
                    problems.write(request, response, HttpStatus.UNAUTHORIZED, "error.unauthenticated", null);
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }
}
