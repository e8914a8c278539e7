package org.casework.core.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.casework.core.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * What a password must be: long enough, not on the deny-list of common passwords (with digits and
 * symbols around a common word still common), not built from the account itself (username, display
 * name) or the product ({@code casework}, the demo password), and not one repeated character or a
 * keyboard or counting run. Every refusal names the rule, in the user's language.
 */
@Component
public class PasswordPolicy {

    /** bcrypt reads at most 72 bytes; a longer password would be silently cut. */
    static final int MAX_BYTES = 72;

    private static final String DENY_LIST = "/accounts/common-passwords.txt";

    /** Words of this product and its demo, always refused as a password or its core. */
    private static final List<String> PRODUCT_WORDS = List.of("casework", "casework-demo", "caseworkdemo", "shegong");

    /** Runs a password must not be made of (forwards or backwards). */
    private static final List<String> RUNS = List.of(
            "01234567890", "abcdefghijklmnopqrstuvwxyz", "qwertyuiop", "asdfghjkl", "zxcvbnm", "1qaz2wsx3edc4rfv");

    private final LoginPolicy policy;
    private final Set<String> common;

    PasswordPolicy(LoginPolicy policy) {
        this.policy = policy;
        this.common = load();
    }

    /**
     * Refuses a password that breaks a rule, with {@link InvalidInputException} on the field
     * {@code password}; the username and display name are those of the account it is for.
     */
    public void check(String password, String username, String displayName) {
        if (password == null || password.codePointCount(0, password.length()) < policy.passwordMinLength()) {
            throw new InvalidInputException("password", "account.password.tooShort", policy.passwordMinLength());
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidInputException("password", "account.password.tooLong", MAX_BYTES);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String core = core(lower);
        if (containsContext(lower, core, username) || containsContext(lower, core, displayName)) {
            throw new InvalidInputException("password", "account.password.context");
        }
        if (PRODUCT_WORDS.stream().anyMatch(w -> lower.contains(w) || core.equals(strip(w)))) {
            throw new InvalidInputException("password", "account.password.common");
        }
        if (common.contains(lower) || common.contains(core) || common.contains(strip(lower))) {
            throw new InvalidInputException("password", "account.password.common");
        }
        if (repetitive(lower)) {
            throw new InvalidInputException("password", "account.password.repetitive");
        }
    }

    /** The letters of a password without the digits and symbols people add to meet rules. */
    private static String core(String lower) {
        return lower.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
    }

    private static String strip(String text) {
        return text.replaceAll("[^\\p{L}\\p{N}]", "");
    }

    private static boolean containsContext(String lower, String core, String context) {
        if (context == null || context.isBlank()) {
            return false;
        }
        String c = context.strip().toLowerCase(Locale.ROOT);
        // a 2-character Chinese name inside a long password is still a context password
        int shortest = c.codePoints().anyMatch(cp -> cp > 0x2E80) ? 2 : 3;
        if (c.codePointCount(0, c.length()) < shortest) {
            return false;
        }
        return lower.contains(c) || !core.isEmpty() && c.contains(core) && core.length() >= shortest;
    }

    /** Three characters or fewer, a part repeated, or a run of the alphabet, digits or keyboard. */
    static boolean repetitive(String lower) {
        long distinct = lower.codePoints().distinct().count();
        if (distinct <= 3) {
            return true;
        }
        String plain = strip(lower);
        // a short part said twice or more ("abc123abc123abc", "passwordpassword")
        for (int unit = 1; unit <= plain.length() / 2; unit++) {
            String part = plain.substring(0, unit);
            if (part.repeat(plain.length() / unit + 1).startsWith(plain)) {
                return true;
            }
        }
        for (String run : RUNS) {
            String backwards = new StringBuilder(run).reverse().toString();
            if (!plain.isEmpty() && (run.contains(plain) || backwards.contains(plain))) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> load() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(DENY_LIST)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + DENY_LIST);
            }
            Set<String> words = new HashSet<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.toLowerCase(Locale.ROOT))
                    .forEach(w -> {
                        words.add(w);
                        words.add(strip(w));
                    });
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
