package org.casework.api.clients;

import java.time.LocalDate;
import java.util.List;
import org.casework.core.accounts.DisplayNames;
import org.casework.core.clients.CategoryType;
import org.casework.core.clients.ChildProfile;
import org.casework.core.clients.Client;
import org.casework.core.clients.ClientCategory;
import org.casework.core.clients.ElderlyProfile;
import org.casework.core.clients.PhoneNumber;
import org.casework.core.shared.ChinaTime;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;

/** Entities to API records; sensitive numbers leave only masked. */
@Mapper
interface ClientMapper {

    @Mapping(target = "idNumberMasked", expression = "java(client.maskedIdNumber())")
    @Mapping(target = "phoneMasked", expression = "java(client.maskedPhone())")
    @Mapping(target = "child", source = "childProfile")
    @Mapping(target = "elderly", source = "elderlyProfile")
    @Mapping(target = "version", expression = "java(client.getVersion() == null ? 0 : client.getVersion())")
    @Mapping(target = "createdByName", expression = "java(names.of(client.getCreatedBy()))")
    @Mapping(target = "updatedByName", expression = "java(names.of(client.getUpdatedBy()))")
    ClientResponse toResponse(Client client, @Context DisplayNames names);

    @Mapping(target = "guardianPhoneMasked", expression = "java(mask(profile.getGuardianPhone()))")
    @Mapping(target = "carerPhoneMasked", expression = "java(mask(profile.getCarerPhone()))")
    ClientResponse.Child toChild(ChildProfile profile);

    ClientResponse.Elderly toElderly(ElderlyProfile profile);

    @Mapping(
            target = "active",
            expression = "java(category.isActiveOn(java.time.LocalDate.now(org.casework.core.shared.ChinaTime.ZONE)))")
    ClientResponse.Category toCategory(ClientCategory category);

    @Mapping(target = "idNumberMasked", expression = "java(client.maskedIdNumber())")
    @Mapping(target = "categories", expression = "java(activeCategories(client))")
    ClientSummary toSummary(Client client);

    /** Named, so MapStruct never applies it to other String properties on its own. */
    @Named("maskPhone")
    default String mask(String phone) {
        return phone == null ? null : new PhoneNumber(phone).masked();
    }

    @Named("activeCategories")
    default List<CategoryType> activeCategories(Client client) {
        LocalDate today = LocalDate.now(ChinaTime.ZONE);
        return client.getCategories().stream()
                .filter(c -> c.isActiveOn(today))
                .map(ClientCategory::getType)
                .distinct()
                .toList();
    }
}
