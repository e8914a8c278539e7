package org.casework.api.clients;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.casework.core.clients.CategoryType;
import org.casework.core.clients.Sex;

/** One row of a registry list. */
public record ClientSummary(
        UUID id,
        String fullName,
        Sex sex,
        LocalDate birthDate,
        String idNumberMasked,
        String residenceRegionCode,
        List<CategoryType> categories) {}
