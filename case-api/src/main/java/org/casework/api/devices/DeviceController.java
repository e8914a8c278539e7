package org.casework.api.devices;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.accounts.DisplayNames;
import org.casework.core.accounts.PeopleNames;
import org.casework.core.devices.DeviceService;
import org.casework.core.devices.DeviceService.DeviceView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "devices")
@RestController
@RequestMapping("/api/v1/devices")
@RequiredArgsConstructor
class DeviceController {

    private final DeviceService devices;
    private final PeopleNames people;

    record DeviceResponse(
            UUID id,
            String name,
            String platform,
            UUID userId,
            String username,

            @Schema(description = "the owner's display name (堌阳镇社工 李娜), next to the login")
            String displayName,

            Instant registeredAt,
            Instant lastSeenAt,
            Instant revokedAt,
            String revokedBy,

            @Schema(description = "who revoked it, by display name")
            String revokedByName,

            String revokeReason) {

        static DeviceResponse of(DeviceView d, DisplayNames names) {
            return new DeviceResponse(
                    d.id(),
                    d.name(),
                    d.platform(),
                    d.userId(),
                    d.username(),
                    names.of(d.username()),
                    d.registeredAt(),
                    d.lastSeenAt(),
                    d.revokedAt(),
                    d.revokedBy(),
                    names.of(d.revokedBy()),
                    d.revokeReason());
        }
    }

    record RevokeRequest(
            @Size(max = DeviceService.REVOKE_REASON_MAX_LENGTH)
            String reason) {}

    @Operation(
            summary =
                    "Offline devices the caller administers (all for an administrator, their users' for a supervisor)")
    @GetMapping
    List<DeviceResponse> list() {
        List<DeviceView> all = devices.list();
        DisplayNames names = people.of(all.stream()
                .flatMap(d -> java.util.stream.Stream.of(d.username(), d.revokedBy()))
                .toList());
        return all.stream().map(d -> DeviceResponse.of(d, names)).toList();
    }

    @Operation(summary = "Revoke a device (a lost phone): its next sync is refused and told to wipe")
    @PostMapping("/{id}/revoke")
    DeviceResponse revoke(@PathVariable UUID id, @RequestBody(required = false) RevokeRequest request) {
        DeviceView revoked = devices.revoke(id, request == null ? null : request.reason());
        return DeviceResponse.of(revoked, people.of(java.util.Arrays.asList(revoked.username(), revoked.revokedBy())));
    }
}
