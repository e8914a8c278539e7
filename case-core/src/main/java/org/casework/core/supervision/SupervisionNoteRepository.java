package org.casework.core.supervision;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Notes are reached through their case, whose scope the service checks first. */
public interface SupervisionNoteRepository extends JpaRepository<SupervisionNote, UUID> {

    List<SupervisionNote> findByCaseIdOrderByCreatedAtAsc(UUID caseId);
}
