package org.casework.core.households;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Every finder takes the caller's scope pattern: out-of-scope households are never loaded. */
public interface HouseholdRepository extends JpaRepository<Household, UUID> {

    @Query("select h from Household h where h.id = :id and h.regionCode like :scope")
    Optional<Household> findInScope(UUID id, String scope);

    @Query("select h from Household h where h.regionCode like :scope and h.regionCode like :region"
            + " and (:name = '' or h.name like :name) order by h.namePinyin, h.name, h.id")
    Page<Household> searchInScope(String scope, String region, String name, Pageable pageable);
}
