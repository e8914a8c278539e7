package org.casework.core.flags;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface FlagPhotoRepository extends JpaRepository<FlagPhoto, UUID> {}
