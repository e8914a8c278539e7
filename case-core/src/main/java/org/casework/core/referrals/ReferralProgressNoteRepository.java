package org.casework.core.referrals;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Notes are reached through their referral, whose scope the service checks first. */
public interface ReferralProgressNoteRepository extends JpaRepository<ReferralProgressNote, UUID> {

    List<ReferralProgressNote> findByReferralIdOrderByCreatedAtAsc(UUID referralId);
}
