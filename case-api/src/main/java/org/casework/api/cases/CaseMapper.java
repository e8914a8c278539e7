package org.casework.api.cases;

import org.casework.core.cases.CaseFile;
import org.casework.core.cases.CaseTransition;
import org.casework.core.cases.RiskChange;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
interface CaseMapper {

    @Mapping(target = "version", expression = "java(caseFile.getVersion() == null ? 0 : caseFile.getVersion())")
    CaseResponse toResponse(CaseFile caseFile);

    CaseSummary toSummary(CaseFile caseFile);

    CaseResponse.Transition toTransition(CaseTransition transition);

    CaseResponse.Risk toRisk(RiskChange change);
}
