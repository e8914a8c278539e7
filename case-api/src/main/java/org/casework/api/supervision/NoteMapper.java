package org.casework.api.supervision;

import org.casework.core.supervision.SupervisionNote;
import org.mapstruct.Mapper;

@Mapper
interface NoteMapper {

    NoteResponse toResponse(SupervisionNote note);
}
