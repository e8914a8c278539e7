package org.casework.core.accounts;

import java.util.Map;

/**
 * Display names resolved for one page, by login name. A login that is no account (the system's
 * own steps, an account since renamed away) is shown as it was recorded rather than hidden.
 */
public record DisplayNames(Map<String, String> byLogin) {

    public static final DisplayNames NONE = new DisplayNames(Map.of());

    public DisplayNames {
        byLogin = Map.copyOf(byLogin);
    }

    /** The person's display name (堌阳镇社工 李娜), or the login itself when no account has it. */
    public String of(String login) {
        if (login == null) {
            return null;
        }
        return byLogin.getOrDefault(login, login);
    }
}
