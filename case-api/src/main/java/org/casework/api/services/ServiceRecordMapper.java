package org.casework.api.services;

import org.casework.core.services.ServiceRecord;
import org.mapstruct.Mapper;

@Mapper
interface ServiceRecordMapper {

    ServiceRecordResponse toResponse(ServiceRecord record);
}
