package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.casework.core.clients.LeftBehindAgeOut;
import org.casework.core.visits.VisitScheduleMaintenance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two instances fire the same daily jobs at the same moment (their crons agree): the nightly visit
 * schedule refresh runs on one of them only, and a call a moment later on either instance (a clock a
 * little behind) does not run it again (ShedLock with its production minimum lock time).
 */
@StartsItsOwnServer
@ExtendWith(OutputCaptureExtension.class)
class ScheduledJobsOnceIT {

    private static final String REFRESHED = "Visit schedules: refreshed";

    private static TwoInstances instances;

    @BeforeAll
    static void start() {
        // the test profile sets PT0S so other tests may call the jobs twice; here, production's value
        instances = TwoInstances.start("casework.scheduling.lock-at-least-for=PT5M");
    }

    @AfterAll
    static void stop() {
        if (instances != null) {
            instances.close();
        }
    }

    @Test
    void theNightlyRefreshFiredOnBothInstancesRunsOnce(CapturedOutput output) throws Exception {
        VisitScheduleMaintenance first = instances.first().getBean(VisitScheduleMaintenance.class);
        VisitScheduleMaintenance second = instances.second().getBean(VisitScheduleMaintenance.class);
        int before = count(output.getOut());

        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = List.of(
                    pool.submit(() -> {
                        together.await();
                        first.refreshAll();
                        return null;
                    }),
                    pool.submit(() -> {
                        together.await();
                        second.refreshAll();
                        return null;
                    }));
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(count(output.getOut()) - before).as("refresh runs").isEqualTo(1);

        second.refreshAll();
        first.refreshAll();
        assertThat(count(output.getOut()) - before)
                .as("refresh runs after both instances fired again a moment later")
                .isEqualTo(1);

        JdbcTemplate jdbc = instances.first().getBean(JdbcTemplate.class);
        assertThat(jdbc.queryForObject(
                        "select count(*) from shedlock where name = 'visit-schedule-refresh'"
                                + " and lock_until > locked_at",
                        Integer.class))
                .isOne();
    }

    @Test
    void theAgeOutRunAtStartIsClaimedThroughTheLockTable() {
        JdbcTemplate jdbc = instances.second().getBean(JdbcTemplate.class);
        assertThat(instances.second().getBean(LeftBehindAgeOut.class)).isNotNull();

        assertThat(jdbc.queryForObject(
                        "select count(*) from shedlock where name = 'left-behind-age-out'", Integer.class))
                .isOne();
    }

    private static int count(String out) {
        int n = 0;
        for (int at = out.indexOf(REFRESHED); at >= 0; at = out.indexOf(REFRESHED, at + 1)) {
            n++;
        }
        return n;
    }
}
