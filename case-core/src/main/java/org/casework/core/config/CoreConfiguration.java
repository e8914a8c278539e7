package org.casework.core.config;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.casework.core.accounts.LoginPolicy;
import org.casework.core.assessments.ChildRiskSettings;
import org.casework.core.cases.FollowUpWindow;
import org.casework.core.cases.PlanApprovalPolicy;
import org.casework.core.flags.FlagSlaPolicy;
import org.casework.core.referrals.ReferralPolicy;
import org.casework.core.risk.ElderlyRiskPolicy;
import org.casework.core.risk.ElderlyRiskSettings;
import org.casework.core.risk.RegistryRiskPolicy;
import org.casework.core.security.CurrentActor;
import org.casework.core.shared.ChinaTime;
import org.casework.core.visits.VisitPolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.AuditorAware;
import org.springframework.data.jpa.repository.config.EnableJpaAuditing;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Beans every feature shares: the clock, password hashing and who-did-it auditing. */
@Configuration(proxyBeanMethods = false)
@EnableJpaAuditing(auditorAwareRef = "auditor")
@EnableConfigurationProperties({
    LoginPolicy.class,
    PlanApprovalPolicy.class,
    FollowUpWindow.class,
    ChildRiskSettings.class,
    VisitPolicy.class,
    FlagSlaPolicy.class,
    ReferralPolicy.class,
    ElderlyRiskSettings.class
})
public class CoreConfiguration {

    @Bean
    Clock clock() {
        return Clock.system(ChinaTime.ZONE);
    }

    /**
     * Delegating encoder (bcrypt today) so stored hashes can move to a stronger scheme later. The
     * bcrypt cost is 10 unless configured: the test profile lowers it, since thousands of test logins
     * would otherwise spend minutes hashing.
     */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${casework.security.bcrypt-strength:10}") int strength) {
        return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(strength)));
    }

    @Bean
    ElderlyRiskPolicy elderlyRiskPolicy(ElderlyRiskSettings settings) {
        return new ElderlyRiskPolicy(settings);
    }

    @Bean
    RegistryRiskPolicy registryRiskPolicy(ElderlyRiskPolicy elderly) {
        return new RegistryRiskPolicy(elderly);
    }

    @Bean
    AuditorAware<String> auditor(CurrentActor currentActor) {
        return () -> Optional.of(currentActor.find().map(a -> a.username()).orElse("system"));
    }
}
