package org.casework.benchmark.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScopeCheckTest {

    @Test
    void anExportSmallerThanTheDeviceFailsTheRun() {
        ScopeCheck check = new ScopeCheck();
        check.exported(1026);
        check.deviceHolds(2026);

        assertThatThrownBy(check::verify).hasMessageContaining("1026 records, the casework device 2026");
        assertThat(check.summary()).startsWith("scope check FAILED");
    }

    @Test
    void theDeviceFirstThenADifferentExportFailsToo() {
        ScopeCheck check = new ScopeCheck();
        check.deviceHolds(2026);
        check.exported(2000);

        assertThatThrownBy(check::verify).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void equalCountsPass() {
        ScopeCheck check = new ScopeCheck();
        check.exported(2026);
        check.deviceHolds(2026);
        check.exported(2026);

        check.verify();
        assertThat(check.summary())
                .isEqualTo("scope check: the scope export holds 2026 records, the casework device 2026");
    }

    @Test
    void countsAfterTheVillageChangedAreNotCompared() {
        ScopeCheck check = new ScopeCheck();
        check.exported(2026);
        check.villageChanged();
        check.deviceHolds(2156);

        check.verify();
        assertThat(check.summary()).startsWith("scope check: not made");
    }
}
