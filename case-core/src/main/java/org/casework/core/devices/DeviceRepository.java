package org.casework.core.devices;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface DeviceRepository extends JpaRepository<Device, UUID> {

    Optional<Device> findByAccessHash(String accessHash);

    Optional<Device> findByRefreshHash(String refreshHash);

    long countByUserIdAndRevokedAtIsNull(UUID userId);

    List<Device> findByUserIdAndRevokedAtIsNull(UUID userId);

    @Query("select d from Device d order by d.registeredAt desc")
    List<Device> findAllNewestFirst();

    /**
     * Locks the device's row until the end of the transaction: a device's mutations are applied
     * one at a time even when the same push arrives twice at once (a retry on a bad link).
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select d.id from Device d where d.id = :id")
    Optional<UUID> lockForMutation(UUID id);

    // Bookkeeping of a sync as single-row updates without the version: two syncs of the same
    // device at once wait for each other on the row lock instead of failing on the version.

    @Modifying
    @Query("update Device d set d.lastSeenAt = :now where d.id = :id")
    int touch(UUID id, Instant now);

    @Modifying
    @Query("update Device d set d.scopeKeys = :keys, d.heldRecords = :held where d.id = :id")
    int rememberScope(UUID id, String keys, String held);

    /** Only ever raises the acknowledged counter (a slower concurrent sync cannot lower it). */
    @Modifying
    @Query("update Device d set d.ackCounter = :ack where d.id = :id and d.ackCounter < :ack")
    int acknowledge(UUID id, long ack);
}
