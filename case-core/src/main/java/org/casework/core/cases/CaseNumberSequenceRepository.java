package org.casework.core.cases;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface CaseNumberSequenceRepository extends JpaRepository<CaseNumberSequence, CaseNumberSequence.Key> {

    /** Locks the county's row for this year until the case-creating transaction ends. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from CaseNumberSequence s where s.countyCode = :county and s.year = :year")
    Optional<CaseNumberSequence> lockFor(String county, int year);
}
