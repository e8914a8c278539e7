package org.casework.web.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditFilterFormTest {

    @Test
    void aPeriodOfChinaDaysBecomesAHalfOpenRangeOfInstants() {
        AuditFilterForm form = new AuditFilterForm(" station-guyang ", "", "2026-12-01", "2026-12-01");
        assertThat(form.user()).isEqualTo("station-guyang");
        assertThat(form.fromInstant()).isEqualTo(Instant.parse("2026-11-30T16:00:00Z"));
        assertThat(form.toInstant()).isEqualTo(Instant.parse("2026-12-01T16:00:00Z"));
        assertThat(form.problem()).isNull();
    }

    @Test
    void aMistypedPartIsNamedAndLeftOut() {
        UUID id = UUID.randomUUID();
        assertThat(new AuditFilterForm(null, "x-1", null, null).problem()).isEqualTo("audit.filter.client.invalid");
        assertThat(new AuditFilterForm(null, "x-1", null, null).clientId()).isNull();
        assertThat(new AuditFilterForm(null, id.toString(), null, null).clientId())
                .isEqualTo(id);
        assertThat(new AuditFilterForm(null, null, "2026-13-45", null).problem())
                .isEqualTo("audit.filter.date.invalid");
        assertThat(new AuditFilterForm(null, null, "2026-12-02", "2026-12-01").problem())
                .isEqualTo("audit.filter.range");
    }
}
