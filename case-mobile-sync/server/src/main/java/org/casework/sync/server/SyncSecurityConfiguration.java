package org.casework.sync.server;

import org.casework.core.devices.DeviceService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

/**
 * The devices' door, before the API's (order 0): stateless device tokens, no session, no CSRF (no
 * cookies are read). Registration and refresh are open (they check a password or refresh token);
 * everything else needs a valid device access token.
 */
@Configuration(proxyBeanMethods = false)
public class SyncSecurityConfiguration {

    @Bean
    @Order(0)
    SecurityFilterChain syncSecurity(HttpSecurity http, DeviceService devices, SyncProblems problems) throws Exception {
        return http.securityMatcher("/api/sync/**")
                .csrf(csrf -> csrf.disable())
                // JSON for devices on a slow link: one short no-store instead of the browser set
                // (frame and XSS headers mean nothing to an app; three cache headers say one thing)
                .headers(h -> h.cacheControl(c -> c.disable())
                        .frameOptions(f -> f.disable())
                        .xssProtection(x -> x.disable())
                        .addHeaderWriter(new StaticHeadersWriter("Cache-Control", "no-store")))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(c -> c.disable())
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                HttpMethod.POST, "/api/sync/v1/devices", "/api/sync/v1/devices/refresh")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .addFilterBefore(new GzipRequestFilter(problems), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new DeviceTokenFilter(devices, problems), UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> problems.write(
                                request, response, HttpStatus.UNAUTHORIZED, "error.unauthenticated", null))
                        .accessDeniedHandler((request, response, ex) ->
                                problems.write(request, response, HttpStatus.FORBIDDEN, "error.forbidden", null)))
                .build();
    }
}
