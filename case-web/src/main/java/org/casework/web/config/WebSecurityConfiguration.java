package org.casework.web.config;

import org.casework.core.accounts.OwnAccountService;
import org.casework.web.account.AccountStandingFilter;
import org.casework.web.login.LoginAuthenticationProvider;
import org.casework.web.login.LoginFailureHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * The station web door: form login with a session and CSRF protection. What a user may see is
 * decided by the core services; this only demands a login. Passwords are checked by the same
 * throttled {@code LoginService} as the API and the devices (its provider is the only one: no
 * fallback to Spring Security's own check). The session cookie is {@code SameSite=Lax} (and
 * {@code Secure} over https, application.yml); HSTS is sent over https.
 */
@Configuration(proxyBeanMethods = false)
public class WebSecurityConfiguration {

    @Bean
    @Order(2)
    SecurityFilterChain webSecurity(HttpSecurity http, LoginAuthenticationProvider logins, OwnAccountService accounts)
            throws Exception {
        return http.authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/login",
                                "/webjars/**",
                                "/css/**",
                                "/js/**",
                                "/favicon.ico",
                                // the offline app: its shell is public, its data comes from /api/sync with a device
                                // token
                                "/m",
                                "/m/**",
                                "/actuator/health",
                                "/actuator/health/**",
                                // on only where springdoc is switched on (casework.api-docs.enabled)
                                "/v3/api-docs/**",
                                "/swagger-ui/**",
                                "/swagger-ui.html",
                                "/error")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .authenticationManager(new ProviderManager(logins))
                .formLogin(form -> form.loginPage("/login")
                        .defaultSuccessUrl("/", false)
                        .failureHandler(new LoginFailureHandler())
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .addFilterAfter(new AccountStandingFilter(accounts), AnonymousAuthenticationFilter.class)
                .headers(
                        h -> h.httpStrictTransportSecurity(
                                        hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                                .contentSecurityPolicy(
                                        csp -> csp.policyDirectives(
                                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")))
                .build();
    }
}
