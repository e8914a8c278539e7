package org.casework.core.shared;

import jakarta.persistence.Column;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import lombok.Getter;
import org.hibernate.Hibernate;
import org.springframework.data.annotation.CreatedBy;
import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.LastModifiedBy;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.jpa.domain.support.AuditingEntityListener;

/**
 * Identity, optimistic version and who/when of every aggregate. Ids are assigned in code because
 * field devices create records offline.
 */
@Getter
@MappedSuperclass
@EntityListeners(AuditingEntityListener.class)
public abstract class AbstractAggregate {

    @Id
    @Column(columnDefinition = "BINARY(16)")
    private UUID id = UUID.randomUUID();

    /** Null until first persisted, so Spring Data knows a code-assigned id is new. */
    @Version
    private Long version;

    @CreatedDate
    @Column(updatable = false)
    private Instant createdAt;

    @CreatedBy
    @Column(updatable = false)
    private String createdBy;

    @LastModifiedDate
    private Instant updatedAt;

    @LastModifiedBy
    private String updatedBy;

    /**
     * Keeps an id chosen elsewhere (a field device created the record offline and refers to it by
     * that id). Only before the first save: a persisted record's id never changes.
     */
    public void assignId(UUID deviceId) {
        if (version != null) {
            throw new IllegalStateException("The id of a saved record cannot change");
        }
        if (deviceId != null) {
            this.id = deviceId;
        }
    }

    /** Refuses a write that started from an older version: stale writes are never merged. */
    public void checkVersion(long expectedVersion) {
        long current = version == null ? 0 : version;
        if (expectedVersion != current) {
            throw new StaleVersionException(expectedVersion, current);
        }
    }

    @Override
    public final boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (other == null || Hibernate.getClass(this) != Hibernate.getClass(other)) {
            return false;
        }
        return Objects.equals(id, ((AbstractAggregate) other).getId());
    }

    @Override
    public final int hashCode() {
        return Hibernate.getClass(this).hashCode();
    }
}
