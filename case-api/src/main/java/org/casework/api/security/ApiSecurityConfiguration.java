package org.casework.api.security;

import org.casework.api.problems.ProblemWriter;
import org.casework.core.accounts.TokenService;
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

/**
 * The API door: stateless bearer tokens, no session, no CSRF (no cookies are read). Authorization
 * of each operation happens in the core services; this only requires a valid token.
 */
@Configuration(proxyBeanMethods = false)
public class ApiSecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, TokenService tokens, ProblemWriter problems) throws Exception {
        return http.securityMatcher("/api/v1/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Never read the web session here: a browser's login cookie must not authorise API
                // calls, or CSRF protection could be bypassed through the API.
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(c -> c.disable())
                .authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.POST, "/api/v1/auth/token")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .addFilterBefore(new BearerTokenFilter(tokens, problems), UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) ->
                                problems.write(request, response, HttpStatus.UNAUTHORIZED, "error.unauthenticated"))
                        .accessDeniedHandler((request, response, ex) ->
                                problems.write(request, response, HttpStatus.FORBIDDEN, "error.forbidden")))
                .build();
    }
}
