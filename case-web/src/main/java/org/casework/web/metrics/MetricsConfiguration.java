package org.casework.web.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The Prometheus endpoint ({@code /actuator/prometheus}) for the operators' monitoring, behind HTTP
 * Basic with one scrape account of its own ({@code casework.metrics.scrape-username}, default
 * {@code prometheus}; password {@code CASEWORK_METRICS_PASSWORD}). It is no casework account: it
 * can read the metrics and nothing else, and no casework account can read the metrics. Without a
 * password set, every scrape is refused. No session is created for a scrape.
 */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

    static final String ROLE = "METRICS";

    @Bean
    @Order(-1)
    SecurityFilterChain metricsSecurity(
            HttpSecurity http,
            PasswordEncoder passwords,
            @Value("${casework.metrics.scrape-username:prometheus}") String username,
            @Value("${casework.metrics.scrape-password:}") String password)
            throws Exception {
        DaoAuthenticationProvider provider =
                new DaoAuthenticationProvider(scrapeAccount(passwords, username, password));
        provider.setPasswordEncoder(passwords);
        return http.securityMatcher("/actuator/prometheus")
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole(ROLE))
                .authenticationManager(new ProviderManager(provider))
                .httpBasic(basic -> basic.realmName("casework-metrics"))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    private static UserDetailsService scrapeAccount(PasswordEncoder passwords, String username, String password) {
        if (password == null || password.isBlank()) {
            return name -> {
                throw new UsernameNotFoundException("no scrape account configured");
            };
        }
        return new InMemoryUserDetailsManager(User.withUsername(username)
                .password(passwords.encode(password))
                .roles(ROLE)
                .build());
    }

    @Bean
    FilterRegistrationBean<SyncTrafficMeter> syncTrafficMeter(MeterRegistry registry) {
        FilterRegistrationBean<SyncTrafficMeter> registration =
                new FilterRegistrationBean<>(new SyncTrafficMeter(registry));
        registration.addUrlPatterns(SyncTrafficMeter.SYNC_PATH);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
