package org.casework.core.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.casework.core.accounts.UserAccount;
import org.casework.core.organisations.Department;
import org.casework.core.organisations.Organisation;
import org.casework.core.organisations.OrganisationType;
import org.casework.core.security.Role;
import org.casework.core.shared.DomainException;
import org.casework.core.shared.InvalidInputException;
import org.casework.core.shared.RegionCode;
import org.junit.jupiter.api.Test;

/** Who may own an activity of a client's plan: station staff, the client's own village director, a partner. */
class ActivityOwnerRuleTest {

    private static final String RENZHUANG = "410225101201";
    private static final String CAOZHAI = "410225101202";
    private static final String GUYANG = "410225101";
    private static final String NANZHANG = "410225102";

    private static UserAccount user(Role role, String jurisdiction, String name) {
        return new UserAccount(
                "u-" + role.name().toLowerCase().replace('_', '-'),
                name,
                "x",
                role,
                new RegionCode(jurisdiction),
                null);
    }

    private static String keyOf(Throwable e) {
        return ((DomainException) e).getMessageKey();
    }

    @Test
    void theDirectorOfTheClientsVillageMayOwnAnActivity() {
        UserAccount director = user(Role.VILLAGE_CHILD_DIRECTOR, RENZHUANG, "任庄村儿童主任 任红");

        assertThatCode(() -> ActivityOwnerRule.checkUser(Optional.of(director), RENZHUANG))
                .doesNotThrowAnyException();
    }

    @Test
    void theDirectorOfAnotherVillageMayNotAndTheMessageNamesThem() {
        UserAccount director = user(Role.VILLAGE_CHILD_DIRECTOR, RENZHUANG, "任庄村儿童主任 任红");

        assertThatThrownBy(() -> ActivityOwnerRule.checkUser(Optional.of(director), CAOZHAI))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(keyOf(e)).isEqualTo("plan.activity.directorOutsideVillage"))
                .satisfies(e -> assertThat(((DomainException) e).getArguments()).containsExactly("任庄村儿童主任 任红"));
    }

    @Test
    void aDisabledDirectorMayNot() {
        UserAccount director = user(Role.VILLAGE_CHILD_DIRECTOR, RENZHUANG, "任庄村儿童主任 任红");
        director.disable();

        assertThatThrownBy(() -> ActivityOwnerRule.checkUser(Optional.of(director), RENZHUANG))
                .satisfies(e -> assertThat(keyOf(e)).isEqualTo("plan.activity.workerUnreachable"));
    }

    @Test
    void stationStaffOfTheTownshipMayAndOfAnotherMayNot() {
        assertThatCode(() -> ActivityOwnerRule.checkUser(
                        Optional.of(user(Role.STATION_WORKER, GUYANG, "堌阳镇社工 李娜")), CAOZHAI))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> ActivityOwnerRule.checkUser(
                        Optional.of(user(Role.STATION_WORKER, NANZHANG, "南彰镇社工 王强")), CAOZHAI))
                .satisfies(e -> assertThat(keyOf(e)).isEqualTo("plan.activity.workerUnreachable"));
        assertThatThrownBy(() -> ActivityOwnerRule.checkUser(Optional.empty(), CAOZHAI))
                .satisfies(e -> assertThat(keyOf(e)).isEqualTo("plan.activity.workerUnreachable"));
    }

    @Test
    void aPartnerMustBeAnActivePartnerServingTheClientsArea() {
        Organisation countyFulian = new Organisation(
                OrganisationType.PARTNER_DEPARTMENT, "兰考县妇联", new RegionCode("410225"), Department.values()[0]);
        Organisation otherCounty = new Organisation(
                OrganisationType.PARTNER_DEPARTMENT, "杞县妇联", new RegionCode("410221"), Department.values()[0]);
        Organisation station =
                new Organisation(OrganisationType.TOWNSHIP_STATION, "堌阳镇社工站", new RegionCode(GUYANG), null);
        Organisation closed = new Organisation(
                OrganisationType.PARTNER_DEPARTMENT, "兰考县教育局", new RegionCode("410225"), Department.values()[0]);
        closed.deactivate();

        assertThatCode(() -> ActivityOwnerRule.checkOrganisation(Optional.of(countyFulian), CAOZHAI))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> ActivityOwnerRule.checkOrganisation(Optional.of(otherCounty), CAOZHAI))
                .satisfies(e -> assertThat(keyOf(e)).isEqualTo("plan.activity.partnerOutsideArea"));
        assertThatThrownBy(() -> ActivityOwnerRule.checkOrganisation(Optional.of(station), CAOZHAI))
                .satisfies(e -> assertThat(keyOf(e)).isEqualTo("plan.activity.partnerUnknown"));
        assertThatThrownBy(() -> ActivityOwnerRule.checkOrganisation(Optional.of(closed), CAOZHAI))
                .satisfies(e -> assertThat(keyOf(e)).isEqualTo("plan.activity.partnerUnknown"));
    }

    @Test
    void anActivityHasOneResponsiblePartyAndAWrittenInPartnerCounts() {
        LocalDate due = LocalDate.of(2026, 12, 31);
        ServicePlan plan = ServicePlan.draft(UUID.randomUUID(), 1);
        PlanInput.Activity partner = new PlanInput.Activity(
                null, ActivityType.REFERRAL, "课后托管", null, due, null, " 爱心托管班 ", "王老师 13800000000");
        plan.update(new PlanInput(List.of("恢复正常上学"), List.of(partner), due));

        assertThat(plan.getActivities().get(0).owner())
                .isEqualTo(new ActivityOwner(null, null, "爱心托管班", "王老师 13800000000"));
        assertThat(plan.getActivities().get(0).isScheduled()).isTrue();

        PlanInput.Activity both = new PlanInput.Activity(
                null, ActivityType.REFERRAL, "课后托管", UUID.randomUUID(), due, null, "爱心托管班", null);
        assertThatThrownBy(() -> plan.update(new PlanInput(List.of("目标"), List.of(both), due)))
                .satisfies(e -> assertThat(keyOf(e)).isEqualTo("plan.activity.oneOwner"));
        PlanInput.Activity contactOnly =
                new PlanInput.Activity(null, ActivityType.REFERRAL, "课后托管", null, due, null, " ", "王老师 13800000000");
        assertThatThrownBy(() -> plan.update(new PlanInput(List.of("目标"), List.of(contactOnly), due)))
                .satisfies(e -> assertThat(keyOf(e)).isEqualTo("plan.activity.partnerNameRequired"));
        // the refused saves left the draft as it was
        assertThat(plan.getActivities().get(0).owner().partnerName()).isEqualTo("爱心托管班");
    }
}
