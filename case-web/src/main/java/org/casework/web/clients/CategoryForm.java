package org.casework.web.clients;

import java.time.LocalDate;
import lombok.Getter;
import lombok.Setter;
import org.casework.core.clients.CategorySource;
import org.casework.core.clients.CategorySubType;
import org.casework.core.clients.CategoryType;
import org.casework.core.clients.ClientInput.NewCategory;
import org.springframework.format.annotation.DateTimeFormat;

/** A registry category as entered on the register form or the client page. */
@Getter
@Setter
public class CategoryForm {

    private Long version;
    private CategoryType type;
    private CategorySubType subType;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate validFrom;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate validTo;

    private CategorySource source;
    private String verifiedBy;

    boolean isEmpty() {
        return type == null && subType == null && validFrom == null && source == null && blank(verifiedBy);
    }

    NewCategory toInput() {
        return new NewCategory(
                type, subType, validFrom, validTo, source, blank(verifiedBy) ? null : verifiedBy.strip());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
