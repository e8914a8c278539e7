package org.casework.api.cases;

import org.casework.core.accounts.DisplayNames;
import org.casework.core.cases.CaseFile;
import org.casework.core.cases.CaseTransition;
import org.casework.core.cases.RiskChange;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
interface CaseMapper {

    /** @param names display names of the people in the case's steps and risk history */
    @Mapping(target = "version", expression = "java(caseFile.getVersion() == null ? 0 : caseFile.getVersion())")
    CaseResponse toResponse(CaseFile caseFile, @Context DisplayNames names);

    CaseSummary toSummary(CaseFile caseFile);

    @Mapping(target = "actorName", expression = "java(names.of(transition.getActor()))")
    CaseResponse.Transition toTransition(CaseTransition transition, @Context DisplayNames names);

    @Mapping(target = "actorName", expression = "java(names.of(change.getActor()))")
    CaseResponse.Risk toRisk(RiskChange change, @Context DisplayNames names);
}
