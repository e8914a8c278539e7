package org.casework.web.support;

import java.util.Map;
import org.casework.core.shared.DomainException;
import org.casework.core.shared.InvalidInputException;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.validation.BindingResult;

/**
 * Puts a refusal of a core service onto a form: next to the field it names when the form has that
 * field, otherwise at the top of the form. The message key and arguments are resolved by the page
 * in the user's language.
 */
public final class FormErrors {

    private FormErrors() {}

    /**
     * @param fieldPaths the service's field names that differ from the form's property paths
     *     (e.g. "guardianPhone" → "child.guardianPhone")
     */
    public static void reject(BindingResult result, DomainException e, Map<String, String> fieldPaths) {
        String key = e.getMessageKey();
        Object[] args = e.getArguments();
        if (e instanceof InvalidInputException invalid && invalid.getField() != null) {
            String path = fieldPaths.getOrDefault(invalid.getField(), invalid.getField());
            if (new BeanWrapperImpl(result.getTarget()).isReadableProperty(path)) {
                result.rejectValue(path, key, args, key);
                return;
            }
        }
        result.reject(key, args, key);
    }

    public static void reject(BindingResult result, DomainException e) {
        reject(result, e, Map.of());
    }
}
