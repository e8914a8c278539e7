package org.casework.core.supervision;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.cases.CaseService;
import org.casework.core.security.Actor;
import org.casework.core.security.CurrentActor;
import org.casework.core.security.Permission;
import org.casework.core.shared.FreeText;
import org.casework.core.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supervision notes of the cases the caller may see. Supervisors write them; everyone who may read
 * the case reads them (the worker learns what the supervisor said).
 */
@Service
@RequiredArgsConstructor
public class SupervisionService {

    private final SupervisionNoteRepository notes;
    private final CaseService cases;
    private final CurrentActor currentActor;
    private final Clock clock;

    /** Adds a supervisor's note (at most 2000 characters) to a case in the caller's jurisdiction. */
    @Transactional
    public SupervisionNote add(UUID caseId, String text) {
        Actor actor = currentActor.require(Permission.SUPERVISE_CASES);
        cases.get(caseId);
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("text", "supervision.text.required");
        }
        String note = text.strip();
        FreeText.checkCharacters("text", note, true);
        if (note.codePointCount(0, note.length()) > SupervisionNote.MAX_LENGTH) {
            throw new InvalidInputException("text", "supervision.text.tooLong", SupervisionNote.MAX_LENGTH);
        }
        return notes.saveAndFlush(new SupervisionNote(caseId, actor.userId(), actor.username(), note, clock.instant()));
    }

    /** The case's notes, oldest first. */
    @Transactional(readOnly = true)
    public List<SupervisionNote> list(UUID caseId) {
        currentActor.require(Permission.READ_CASES);
        cases.get(caseId);
        return notes.findByCaseIdOrderByCreatedAtAsc(caseId);
    }
}
