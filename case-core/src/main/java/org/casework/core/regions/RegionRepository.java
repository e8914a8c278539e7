package org.casework.core.regions;

import java.util.Collection;
import java.util.List;
import org.casework.core.shared.RegionLevel;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RegionRepository extends JpaRepository<Region, String> {

    List<Region> findByParentCodeOrderByCode(String parentCode);

    List<Region> findByLevelOrderByCode(RegionLevel level);

    List<Region> findByCodeIn(Collection<String> codes);
}
