package org.casework.core.accounts;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.casework.core.security.Role;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface UserAccountRepository extends JpaRepository<UserAccount, UUID> {

    Optional<UserAccount> findByUsername(String username);

    boolean existsByUsername(String username);

    boolean existsByRole(Role role);

    Page<UserAccount> findAllByOrderByUsername(Pageable pageable);

    /**
     * Enabled accounts of the roles whose jurisdiction is exactly one of the codes: callers pass a
     * region and its ancestors to find who covers it.
     */
    @Query("select u from UserAccount u where u.enabled = true and u.role in :roles"
            + " and u.jurisdictionCode in :jurisdictionCodes")
    List<UserAccount> findEnabled(Collection<Role> roles, Collection<String> jurisdictionCodes);

    /** Enabled accounts of the role that belong to the organisation. */
    @Query("select u from UserAccount u where u.enabled = true and u.role = :role"
            + " and u.organisationId = :organisationId")
    List<UserAccount> findEnabledInOrganisation(Role role, UUID organisationId);

    /** Display names of the logins, without loading the accounts (see {@link PeopleNames}). */
    @Query("select new org.casework.core.accounts.LoginName(u.username, u.displayName) from UserAccount u"
            + " where u.username in :usernames")
    List<LoginName> displayNamesOf(Collection<String> usernames);
}
