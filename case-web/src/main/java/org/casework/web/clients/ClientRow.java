package org.casework.web.clients;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casework.core.clients.CategoryType;
import org.casework.core.clients.Client;
import org.casework.core.clients.ClientCategory;
import org.casework.core.clients.Sex;

/** One line of the registry search: masked ID, village name and the categories held today. */
public record ClientRow(
        UUID id,
        String fullName,
        Sex sex,
        LocalDate birthDate,
        int age,
        String maskedIdNumber,
        String villageName,
        List<CategoryType> categories) {

    static ClientRow of(Client c, Map<String, String> regionNames, LocalDate today) {
        return new ClientRow(
                c.getId(),
                c.getFullName(),
                c.getSex(),
                c.getBirthDate(),
                c.ageOn(today),
                c.maskedIdNumber(),
                regionNames.getOrDefault(c.getResidenceRegionCode(), c.getResidenceRegionCode()),
                c.getCategories().stream()
                        .filter(cat -> cat.isActiveOn(today))
                        .map(ClientCategory::getType)
                        .distinct()
                        .toList());
    }
}
