package org.casework.core.clients;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

/** Finders used by the service take the caller's scope pattern, so scoping happens in SQL. */
public interface ClientRepository extends JpaRepository<Client, UUID>, JpaSpecificationExecutor<Client> {

    @EntityGraph(attributePaths = "categories")
    @Query("select c from Client c where c.id = :id and c.residenceRegionCode like :scope")
    Optional<Client> findInScope(UUID id, String scope);

    Optional<Client> findByIdNumberHash(String idNumberHash);

    @Query("select c from Client c where c.fullName = :fullName and c.birthDate = :birthDate"
            + " and c.residenceRegionCode = :village")
    List<Client> findPossibleDuplicates(String fullName, LocalDate birthDate, String village);

    /** Ordered by birth date; the service puts them in the order of their relation to the head. */
    @Query("select c from Client c where c.id in :ids and c.residenceRegionCode like :scope")
    List<Client> findAllInScope(java.util.Collection<UUID> ids, String scope);

    @Query("select c from Client c where c.householdId = :householdId and c.residenceRegionCode like :scope"
            + " order by c.birthDate, c.id")
    List<Client> findMembersInScope(UUID householdId, String scope);
}
