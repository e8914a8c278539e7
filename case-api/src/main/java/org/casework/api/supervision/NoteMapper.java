package org.casework.api.supervision;

import org.casework.core.accounts.DisplayNames;
import org.casework.core.supervision.SupervisionNote;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
interface NoteMapper {

    @Mapping(target = "authorName", expression = "java(names.of(note.getAuthor()))")
    NoteResponse toResponse(SupervisionNote note, @Context DisplayNames names);
}
