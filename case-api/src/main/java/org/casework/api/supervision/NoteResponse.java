package org.casework.api.supervision;

import java.time.Instant;
import java.util.UUID;

/** One supervision note (督导记录). */
public record NoteResponse(UUID id, UUID caseId, UUID authorId, String author, String text, Instant createdAt) {}
