package org.casework.sync.server;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.devices.DeviceService;
import org.casework.core.devices.SyncLimits;
import org.casework.sync.protocol.Change;
import org.casework.sync.protocol.Limits;
import org.casework.sync.protocol.MutationResult;
import org.casework.sync.protocol.RefreshRequest;
import org.casework.sync.protocol.RegisterRequest;
import org.casework.sync.protocol.RegisterResponse;
import org.casework.sync.protocol.TokenResponse;
import org.casework.sync.server.engine.DeviceMutation;
import org.casework.sync.server.engine.PullService;
import org.casework.sync.server.engine.SyncChange;
import org.casework.sync.server.engine.SyncService;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The offline sync endpoints (docs/sync-protocol.md). */
@RestController
@RequestMapping("/api/sync/v1")
@RequiredArgsConstructor
class SyncController {

    private final DeviceService devices;
    private final SyncService sync;
    private final SyncLimits limits;
    private final SyncJson json;
    private final SyncProblems problems;

    @PostMapping("/devices")
    void register(@RequestBody RegisterRequest body, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        DeviceService.Registration r = devices.register(
                body.username(),
                body.password(),
                body.deviceName(),
                body.platform(),
                body.clientVersion(),
                request.getRemoteAddr());
        json.write(
                request,
                response,
                201,
                new RegisterResponse(
                        r.deviceId(),
                        r.accessToken(),
                        r.accessExpiresAt(),
                        r.refreshToken(),
                        new Limits(
                                limits.maxDevicesPerUser(),
                                limits.warnPendingMutations(),
                                limits.maxMutationsPerSync()),
                        r.warnings(),
                        r.displayName()));
    }

    @PostMapping("/devices/refresh")
    void refresh(@RequestBody RefreshRequest body, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        DeviceService.Tokens t = devices.refresh(body.deviceId(), body.refreshToken());
        json.write(request, response, 200, new TokenResponse(t.accessToken(), t.accessExpiresAt(), t.refreshToken()));
    }

    @PostMapping("/sync")
    void sync(@RequestBody SyncRequestJson body, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        UUID deviceId = (UUID) request.getAttribute(DeviceTokenFilter.DEVICE_ID);
        List<DeviceMutation> mutations = body.deviceMutations();
        StreamedAnswer answer = json.stream(request, response);
        try {
            sync.stream(deviceId, body.cursor(), mutations, body.checksums(), body.limit(), new SyncService.Answer() {
                @Override
                public void pushed(long ack, List<org.casework.sync.server.engine.MutationResult> results) {
                    answer.begin(ack, results(request, results));
                }

                @Override
                public void change(SyncChange c) {
                    answer.change(wire(c));
                }

                @Override
                public void end(PullService.Tail tail, Instant serverTime, List<String> warnings) {
                    answer.end(tail.cursor(), tail.more(), tail.checksums(), tail.resync(), serverTime, warnings);
                }
            });
        } catch (RuntimeException e) {
            RuntimeException failure = answer.failed(e);
            if (failure != null) {
                throw failure;
            }
            // the device went away mid-answer: it asks again with the cursor it still has
        }
    }

    /**
     * A change as the protocol writes it: {@code f} is the record's fields by their wire names
     * ({@link org.casework.sync.protocol.PulledRecord#wireValues}), only the changed ones in a delta.
     */
    static Change wire(SyncChange c) {
        Map<String, Object> f = c.fields() == null
                ? null
                : c.changed() == null ? c.fields().wireValues() : c.fields().wireValues(c.changed());
        return new Change(c.type(), c.id(), c.version(), c.scope(), c.op().wire(), f);
    }

    private List<MutationResult> results(
            HttpServletRequest request, List<org.casework.sync.server.engine.MutationResult> results) {
        return results.stream()
                .map(r -> new MutationResult(
                        r.id(),
                        r.counter(),
                        r.status().wire(),
                        r.entityType(),
                        r.entityId(),
                        r.version(),
                        r.code(),
                        r.code() == null
                                ? null
                                : problems.message(request, r.code(), r.args().toArray()),
                        r.errors().stream()
                                .map(e -> new MutationResult.FieldError(
                                        e.field(),
                                        problems.message(
                                                request, e.key(), r.args().toArray())))
                                .toList()))
                .toList();
    }
}
