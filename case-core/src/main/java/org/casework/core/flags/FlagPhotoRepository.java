package org.casework.core.flags;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface FlagPhotoRepository extends JpaRepository<FlagPhoto, UUID> {

    /** Ids only: a list never loads the (large, encrypted) images. */
    @Query("select p.flagId from FlagPhoto p where p.flagId in :flagIds")
    List<UUID> withPhotos(@Param("flagIds") Collection<UUID> flagIds);
}
