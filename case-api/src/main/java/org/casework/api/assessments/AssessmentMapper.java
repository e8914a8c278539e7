package org.casework.api.assessments;

import org.casework.core.accounts.DisplayNames;
import org.casework.core.assessments.Assessment;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
interface AssessmentMapper {

    /** @param names display names of the signers (one lookup for a whole list) */
    @Mapping(target = "version", expression = "java(assessment.getVersion() == null ? 0 : assessment.getVersion())")
    @Mapping(target = "triggers", expression = "java(assessment.triggerList())")
    @Mapping(target = "resultNotes", expression = "java(assessment.resultNoteList())")
    @Mapping(target = "signedByName", expression = "java(names.of(assessment.getSignedBy()))")
    AssessmentResponse toResponse(Assessment assessment, @Context DisplayNames names);
}
