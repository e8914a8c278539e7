package org.casework.api.plans;

import org.casework.core.plans.PlanActivity;
import org.casework.core.plans.ServicePlan;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
interface PlanMapper {

    @Mapping(target = "version", expression = "java(plan.getVersion() == null ? 0 : plan.getVersion())")
    PlanResponse toResponse(ServicePlan plan);

    @Mapping(target = "version", expression = "java(plan.getVersion() == null ? 0 : plan.getVersion())")
    PlanSummary toSummary(ServicePlan plan);

    PlanResponse.Activity toActivity(PlanActivity activity);
}
