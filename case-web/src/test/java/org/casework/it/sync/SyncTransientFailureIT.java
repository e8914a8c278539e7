package org.casework.it.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.fixtures.ClientBuilder.aLeftBehindChild;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casework.core.services.ServiceRecordService;
import org.casework.core.services.ServiceRecordService.NewServiceRecord;
import org.casework.it.ApiTest;
import org.casework.it.fixtures.UserBuilder;
import org.casework.it.fixtures.Villages;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import tools.jackson.databind.JsonNode;

/**
 * A deadlock with a concurrent writer (two phones and the station writing at once; the crash test
 * met it on H2) is transient: the mutation is retried, and when it still fails it is left
 * unacknowledged for the device to send again. It used to be recorded as refused ("error.internal"),
 * acknowledged, and so deleted from the phone's queue: a visit lost although nothing was wrong with it.
 */
class SyncTransientFailureIT extends ApiTest {

    @LocalServerPort
    int port;

    @MockitoSpyBean
    ServiceRecordService serviceRecords;

    @Test
    void aDeadlockedVisitIsRetriedAndAppliedOnce() {
        TestDevice device = director();
        UUID child = registry.registerId("station-guyang", aLeftBehindChild().inVillage(Villages.RENZHUANG));
        device.syncToEnd(1000);
        UUID visit = UUID.randomUUID();
        doThrow(new CannotAcquireLockException("Deadlock detected"))
                .doCallRealMethod()
                .when(serviceRecords)
                .log(eq(visit), any(NewServiceRecord.class));

        SyncHttp.Reply r = device.sync(List.of(device.mutation("LOG_VISIT", visit, visit(child))), null, false);

        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.body().get("ack").asLong()).isEqualTo(1);
        assertThat(status(r, visit)).isEqualTo("APPLIED");
        assertThat(visitsOf(child)).containsExactly(visit.toString());
    }

    @Test
    void aVisitThatKeepsDeadlockingIsNeitherRefusedNorAcknowledgedAndArrivesWhenSentAgain() {
        TestDevice device = director();
        UUID child = registry.registerId("station-guyang", aLeftBehindChild().inVillage(Villages.RENZHUANG));
        device.syncToEnd(1000);
        UUID visit = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        doThrow(new CannotAcquireLockException("Deadlock detected"))
                .when(serviceRecords)
                .log(eq(visit), any(NewServiceRecord.class));
        Map<String, Object> first = device.mutation("LOG_VISIT", visit, visit(child));
        Map<String, Object> second = device.mutation("LOG_VISIT", after, visit(child));

        SyncHttp.Reply stuck = device.sync(List.of(first, second), null, false);

        assertThat(stuck.status()).as(stuck.text()).isEqualTo(200);
        assertThat(stuck.body().get("ack").asLong()).isZero();
        assertThat(stuck.body().get("results")).isEmpty();
        assertThat(visitsOf(child)).isEmpty();

        doCallRealMethod().when(serviceRecords).log(eq(visit), any(NewServiceRecord.class));
        SyncHttp.Reply again = device.sync(List.of(first, second), null, false);

        assertThat(again.body().get("ack").asLong()).isEqualTo(2);
        assertThat(status(again, visit)).isEqualTo("APPLIED");
        assertThat(status(again, after)).isEqualTo("APPLIED");
        assertThat(visitsOf(child)).containsExactlyInAnyOrder(visit.toString(), after.toString());
    }

    private TestDevice director() {
        UserBuilder user = UserBuilder.aVillageChildDirector().in(Villages.RENZHUANG);
        registry.createUser(user);
        return new TestDevice(new SyncHttp(port), user.username()).register(user.password());
    }

    private static Map<String, Object> visit(UUID child) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("clientId", child.toString());
        f.put("type", "HOME_VISIT");
        f.put("occurredAt", "2026-11-20T09:00:00Z");
        f.put("durationMinutes", 30);
        f.put("notes", "上门走访");
        return f;
    }

    private static String status(SyncHttp.Reply reply, UUID entity) {
        for (JsonNode result : reply.body().get("results")) {
            if (result.get("entityId").asString().equals(entity.toString())) {
                return result.get("status").asString();
            }
        }
        return null;
    }

    private List<String> visitsOf(UUID child) {
        return texts(allItems("/api/v1/services?client=" + child, token("station-guyang")), "id");
    }
}
