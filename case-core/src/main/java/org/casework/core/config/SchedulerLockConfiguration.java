package org.casework.core.config;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs each daily job once across server instances (ShedLock, table {@code shedlock}, V19). Every
 * instance fires the same cron; the first to lock the job's row runs it, the others skip that run.
 * The lock is held at least {@code casework.scheduling.lock-at-least-for} (5 minutes), so an instance
 * whose clock is a little behind cannot start a second run after a quick first one finished, and at
 * most {@code lock-at-most-for} (2 hours), so a run whose instance died does not block the next one.
 * Times come from the database's clock, not the instances'.
 *
 * <p>Jobs that handle many independent items (flag and referral escalations) do not use it: each
 * item is claimed by a conditional update, so all instances may work at once and none repeats one.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(
        defaultLockAtMostFor = "${casework.scheduling.lock-at-most-for:PT2H}",
        defaultLockAtLeastFor = "${casework.scheduling.lock-at-least-for:PT5M}")
public class SchedulerLockConfiguration {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("shedlock")
                .usingDbTime()
                .build());
    }
}
