package org.casework.core.flags;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface FlagNoteRepository extends JpaRepository<FlagNote, UUID> {

    List<FlagNote> findByFlagIdOrderByWrittenAtAsc(UUID flagId);
}
