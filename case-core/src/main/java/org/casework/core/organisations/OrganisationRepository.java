package org.casework.core.organisations;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OrganisationRepository extends JpaRepository<Organisation, UUID> {

    List<Organisation> findByRegionCodeStartingWithOrderByTypeAscNameAsc(String regionPrefix);

    List<Organisation> findByTypeOrderByName(OrganisationType type);

    Optional<Organisation> findFirstByTypeAndRegionCode(OrganisationType type, String regionCode);
}
