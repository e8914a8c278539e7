package org.casework.api.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.api.PageResponse;
import org.casework.api.Paging;
import org.casework.core.accounts.DisplayNames;
import org.casework.core.accounts.PeopleNames;
import org.casework.core.audit.SensitiveAccessEntry;
import org.casework.core.clients.RevealLog;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "audit")
@RestController
@RequestMapping("/api/v1/audit")
@RequiredArgsConstructor
class AuditController {

    private final RevealLog revealLog;
    private final PeopleNames people;

    /** One reveal of a client's full numbers, or a refused attempt (over the limit). */
    record RevealEntry(
            UUID id,
            Instant at,
            String user,

            @Schema(description = "the user's display name (堌阳镇社工 李娜), next to the login")
            String userName,

            UUID userId,
            UUID clientId,
            String reason,
            SensitiveAccessEntry.Outcome outcome) {
        static RevealEntry of(SensitiveAccessEntry e, DisplayNames names) {
            return new RevealEntry(
                    e.getId(),
                    e.getOccurredAt(),
                    e.getActor(),
                    names.of(e.getActor()),
                    e.getActorId(),
                    e.getClientId(),
                    e.getReason(),
                    e.getOutcome());
        }
    }

    @Operation(
            summary = "Who saw full ID and phone numbers, newest first (refused attempts over the limit too)",
            description = "Supervisors and administrators see the reveals of clients in their jurisdiction; "
                    + "other registry users see only their own.")
    @GetMapping("/reveals")
    PageResponse<RevealEntry> reveals(
            @Parameter(description = "only this user's reveals") @RequestParam(required = false) UUID userId,
            @Parameter(description = "from this instant (inclusive)") @RequestParam(required = false) Instant from,
            @Parameter(description = "until this instant (exclusive)") @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        var entries = revealLog.list(new RevealLog.Filter(userId, from, to), Paging.of(page, size));
        DisplayNames names = people.of(entries.getContent().stream()
                .map(SensitiveAccessEntry::getActor)
                .toList());
        return PageResponse.of(entries, e -> RevealEntry.of(e, names));
    }
}
