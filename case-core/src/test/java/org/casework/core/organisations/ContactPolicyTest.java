package org.casework.core.organisations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.casework.core.security.Actor;
import org.casework.core.security.Role;
import org.casework.core.shared.RegionCode;
import org.junit.jupiter.api.Test;

class ContactPolicyTest {

    private static final RegionCode GUYANG = new RegionCode("410225101");
    private static final RegionCode NANZHANG = new RegionCode("410225102");

    private final Organisation guyang = station("堌阳镇社会工作站", GUYANG);
    private final Organisation nanzhang = station("南彰镇社会工作站", NANZHANG);

    @Test
    void aStationHeadChangesTheirOwnStationOnly() {
        Actor head = actor(Role.STATION_HEAD, GUYANG, guyang.getId());

        assertThat(ContactPolicy.mayChange(head, guyang)).isTrue();
        assertThat(ContactPolicy.mayChange(head, nanzhang)).isFalse();
    }

    @Test
    void aStationWorkerDoesNotChangeTheStationsPhone() {
        assertThat(ContactPolicy.mayChange(actor(Role.STATION_WORKER, GUYANG, guyang.getId()), guyang))
                .isFalse();
    }

    @Test
    void aLiaisonDoesNotChangeTheirDepartmentHere() {
        Organisation fulian = new Organisation(
                OrganisationType.PARTNER_DEPARTMENT, "妇联", new RegionCode("410225"), Department.WOMENS_FEDERATION);

        assertThat(ContactPolicy.mayChange(
                        actor(Role.DEPARTMENT_LIAISON, new RegionCode("410225"), fulian.getId()), fulian))
                .isFalse();
    }

    @Test
    void anAdministratorChangesAnyOrganisation() {
        Actor admin = actor(Role.ADMINISTRATOR, new RegionCode("410225"), null);

        assertThat(ContactPolicy.mayChange(admin, guyang)).isTrue();
        assertThat(ContactPolicy.mayChange(admin, nanzhang)).isTrue();
    }

    private static Organisation station(String name, RegionCode region) {
        return new Organisation(OrganisationType.TOWNSHIP_STATION, name, region, null);
    }

    private static Actor actor(Role role, RegionCode jurisdiction, UUID organisation) {
        return new Actor(UUID.randomUUID(), "someone", role, jurisdiction, organisation);
    }
}
