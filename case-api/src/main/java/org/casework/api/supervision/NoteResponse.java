package org.casework.api.supervision;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/** One supervision note (督导记录). */
public record NoteResponse(
        UUID id,
        UUID caseId,
        UUID authorId,
        String author,

        @Schema(description = "the author's display name (堌阳镇站长 王建华), next to the login")
        String authorName,

        String text,
        Instant createdAt) {}
