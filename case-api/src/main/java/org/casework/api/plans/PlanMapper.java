package org.casework.api.plans;

import java.util.Map;
import java.util.UUID;
import org.casework.core.accounts.DisplayNames;
import org.casework.core.plans.PlanActivity;
import org.casework.core.plans.PlanService;
import org.casework.core.plans.ServicePlan;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
interface PlanMapper {

    /**
     * @param names display names of who submitted, reviewed and did the activities
     * @param owners who is responsible for each activity, by activity id
     */
    @Mapping(target = "version", expression = "java(plan.getVersion() == null ? 0 : plan.getVersion())")
    @Mapping(target = "submittedByName", expression = "java(names.of(plan.getSubmittedBy()))")
    @Mapping(target = "reviewedByName", expression = "java(names.of(plan.getReviewedBy()))")
    PlanResponse toResponse(
            ServicePlan plan, @Context DisplayNames names, @Context Map<UUID, PlanService.OwnerLabel> owners);

    /** @param names display names of who submitted and reviewed (one lookup for the whole list) */
    @Mapping(target = "version", expression = "java(plan.getVersion() == null ? 0 : plan.getVersion())")
    @Mapping(target = "submittedByName", expression = "java(names.of(plan.getSubmittedBy()))")
    @Mapping(target = "reviewedByName", expression = "java(names.of(plan.getReviewedBy()))")
    PlanSummary toSummary(ServicePlan plan, @Context DisplayNames names);

    @Mapping(
            target = "ownerName",
            expression = "java(owners.containsKey(activity.getId()) ? owners.get(activity.getId()).name() : null)")
    @Mapping(
            target = "ownerKind",
            expression = "java(owners.containsKey(activity.getId()) ? owners.get(activity.getId()).kind() : null)")
    @Mapping(target = "doneByName", expression = "java(names.of(activity.getDoneBy()))")
    PlanResponse.Activity toActivity(
            PlanActivity activity, @Context DisplayNames names, @Context Map<UUID, PlanService.OwnerLabel> owners);
}
