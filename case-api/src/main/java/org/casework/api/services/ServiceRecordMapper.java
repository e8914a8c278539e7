package org.casework.api.services;

import java.util.List;
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

    static List<String> loginsOf(List<ServiceRecord> records) {
        return records.stream()
                .flatMap(r -> java.util.stream.Stream.of(r.getRecordedBy(), r.getVoidedBy()))
                .toList();
    }
}
