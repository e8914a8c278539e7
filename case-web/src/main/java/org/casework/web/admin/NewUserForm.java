package org.casework.web.admin;

import java.util.UUID;
import lombok.Getter;
import lombok.Setter;
import org.casework.core.accounts.AccountService.NewUser;
import org.casework.core.security.Role;

/** A new user as the administrator types it. */
@Getter
@Setter
public class NewUserForm {

    private String username;
    private String displayName;
    private String password;
    private Role role;
    private String jurisdictionCode;
    private UUID organisationId;

    NewUser toCommand() {
        return new NewUser(
                username == null ? null : username.strip(),
                displayName,
                password,
                role,
                jurisdictionCode,
                organisationId);
    }
}
