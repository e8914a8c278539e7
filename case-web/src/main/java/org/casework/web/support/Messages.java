package org.casework.web.support;

import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.casework.core.shared.DomainException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Message texts in the language of the current request, for the few places where a controller
 * must compose a sentence (a refusal whose arguments are codes that need their own labels).
 */
@Component
@RequiredArgsConstructor
public class Messages {

    private final MessageSource messageSource;

    public Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    public String text(String key, Object... args) {
        return messageSource.getMessage(key, args, key, locale());
    }

    /** The label of a code ({@code prefix + "." + code}), or the code itself when there is none. */
    public String label(String prefix, Object code) {
        if (code == null) {
            return "";
        }
        return messageSource.getMessage(prefix + "." + code, null, String.valueOf(code), locale());
    }

    /** A refusal of a core service, as the user reads it. */
    public String of(DomainException e) {
        return text(e.getMessageKey(), e.getArguments());
    }
}
