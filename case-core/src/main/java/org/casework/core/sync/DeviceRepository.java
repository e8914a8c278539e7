package org.casework.core.sync;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface DeviceRepository extends JpaRepository<Device, UUID> {

    Optional<Device> findByAccessHash(String accessHash);

    Optional<Device> findByRefreshHash(String refreshHash);

    long countByUserIdAndRevokedAtIsNull(UUID userId);

    @Query("select d from Device d order by d.registeredAt desc")
    List<Device> findAllNewestFirst();
}
