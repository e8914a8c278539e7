package org.casework.core.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.casework.core.shared.ConflictException;
import org.casework.core.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class ServiceRecordTest {

    private static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");
    private static final UUID CLIENT = UUID.randomUUID();

    private static ServiceRecord.Details visit(Instant at, String notes) {
        return new ServiceRecord.Details(ServiceType.HOME_VISIT, at, 30, "家中", "祖母", notes, null);
    }

    private static ServiceRecord logged(ServiceRecord.Details details) {
        return new ServiceRecord(CLIENT, null, details, "director-renzhuang", NOW);
    }

    @Test
    void homeVisitsAndCallsAreVisitsOtherServicesAreNot() {
        assertThat(ServiceType.VISITS)
                .containsExactlyInAnyOrder(ServiceType.HOME_VISIT, ServiceType.PHONE_CALL, ServiceType.VIDEO_CALL);
        assertThat(ServiceType.MATERIAL_AID.isVisit()).isFalse();
    }

    @Test
    void refusesATimeInTheFutureBeyondClockDrift() {
        assertThat(logged(visit(NOW.plus(Duration.ofMinutes(3)), "入户")).getOccurredAt())
                .isEqualTo(NOW.plus(Duration.ofMinutes(3)));
        assertThatThrownBy(() -> logged(visit(NOW.plus(Duration.ofHours(1)), "入户")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("service.occurredAt.future");
    }

    @Test
    void refusesMissingTypeTimeOrNotes() {
        assertThatThrownBy(() -> logged(new ServiceRecord.Details(null, NOW, null, null, null, "x", null)))
                .hasMessage("service.type.required");
        assertThatThrownBy(() -> logged(visit(null, "x"))).hasMessage("service.occurredAt.required");
        assertThatThrownBy(() -> logged(visit(NOW, "  "))).hasMessage("service.notes.required");
    }

    @Test
    void refusesNotesLongerThan4000Characters() {
        assertThat(logged(visit(NOW, "好".repeat(4000))).getNotes()).hasSize(4000);
        assertThatThrownBy(() -> logged(visit(NOW, "好".repeat(4001))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("service.notes.tooLong");
    }

    @Test
    void refusesAnImpossibleDuration() {
        assertThatThrownBy(
                        () -> logged(new ServiceRecord.Details(ServiceType.PHONE_CALL, NOW, 0, null, null, "x", null)))
                .hasMessage("service.duration.invalid");
    }

    @Test
    void voidingKeepsTheRecordWithWhoWhenAndWhy() {
        ServiceRecord record = logged(visit(NOW.minusSeconds(3600), "入户走访"));
        record.voidRecord("录错了服务对象", "head-guyang", NOW);
        assertThat(record.isVoided()).isTrue();
        assertThat(record.getVoidedBy()).isEqualTo("head-guyang");
        assertThat(record.getVoidedAt()).isEqualTo(NOW);
        assertThat(record.getVoidReason()).isEqualTo("录错了服务对象");
        assertThat(record.getNotes()).isEqualTo("入户走访");
        assertThatThrownBy(() -> record.voidRecord("再次", "head-guyang", NOW)).isInstanceOf(ConflictException.class);
    }

    @Test
    void voidingNeedsAReason() {
        ServiceRecord record = logged(visit(NOW, "入户"));
        assertThatThrownBy(() -> record.voidRecord(" ", "head-guyang", NOW)).hasMessage("service.void.reasonRequired");
        assertThat(record.isVoided()).isFalse();
    }
}
