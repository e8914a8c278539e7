package org.casework.api.services;

import org.casework.core.accounts.DisplayNames;
import org.casework.core.services.ServiceRecord;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
interface ServiceRecordMapper {

    /** @param names display names of who recorded and voided (one lookup per page) */
    @Mapping(target = "recordedByName", expression = "java(names.of(record.getRecordedBy()))")
    @Mapping(target = "voidedByName", expression = "java(names.of(record.getVoidedBy()))")
    ServiceRecordResponse toResponse(ServiceRecord record, @Context DisplayNames names);
}
