package org.casework.core.accounts;

import lombok.RequiredArgsConstructor;
import org.casework.core.security.ActorDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads an account as Spring Security's user (page tests sign in with it). Form login does not use
 * it: the web door checks passwords through {@link LoginService}, like the API and devices.
 */
@Service
@RequiredArgsConstructor
public class AccountUserDetailsService implements UserDetailsService {

    private final UserAccountRepository accounts;

    @Override
    @Transactional(readOnly = true)
    public ActorDetails loadUserByUsername(String username) {
        UserAccount account =
                accounts.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        return LoginService.details(account);
    }
}
