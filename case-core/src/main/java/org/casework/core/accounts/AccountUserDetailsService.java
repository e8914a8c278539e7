package org.casework.core.accounts;

import java.time.Clock;
import lombok.RequiredArgsConstructor;
import org.casework.core.security.ActorDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads accounts for form login; lockout and disabling are honoured by Spring Security. */
@Service
@RequiredArgsConstructor
public class AccountUserDetailsService implements UserDetailsService {

    private final UserAccountRepository accounts;
    private final Clock clock;

    @Override
    @Transactional(readOnly = true)
    public ActorDetails loadUserByUsername(String username) {
        UserAccount account =
                accounts.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        return new ActorDetails(
                account.toActor(), account.getPasswordHash(), account.isEnabled(), account.isLocked(clock.instant()));
    }
}
