package org.casework.core.devices;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface SyncMutationRepository extends JpaRepository<SyncMutation, UUID> {

    @Query("select m.counter from SyncMutation m where m.deviceId = :device and m.counter > :after order by m.counter")
    List<Long> countersAfter(@Param("device") UUID deviceId, @Param("after") long after);

    boolean existsByDeviceIdAndCounter(UUID deviceId, long counter);
}
