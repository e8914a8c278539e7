package org.casework.api.assessments;

import org.casework.core.assessments.Assessment;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
interface AssessmentMapper {

    @Mapping(target = "version", expression = "java(assessment.getVersion() == null ? 0 : assessment.getVersion())")
    @Mapping(target = "triggers", expression = "java(assessment.triggerList())")
    @Mapping(target = "resultNotes", expression = "java(assessment.resultNoteList())")
    AssessmentResponse toResponse(Assessment assessment);
}
