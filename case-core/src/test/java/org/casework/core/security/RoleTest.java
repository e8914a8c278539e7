package org.casework.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.casework.core.shared.RegionCode;
import org.casework.core.shared.RegionLevel;
import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void villageRolesWorkInOneVillageAndStationRolesInOneTownship() {
        assertThat(Role.VILLAGE_CHILD_DIRECTOR.acceptsJurisdiction(RegionLevel.VILLAGE))
                .isTrue();
        assertThat(Role.VILLAGE_CHILD_DIRECTOR.acceptsJurisdiction(RegionLevel.TOWNSHIP))
                .isFalse();
        assertThat(Role.STATION_WORKER.acceptsJurisdiction(RegionLevel.TOWNSHIP))
                .isTrue();
        assertThat(Role.STATION_WORKER.acceptsJurisdiction(RegionLevel.COUNTY)).isFalse();
        assertThat(Role.COUNTY_SUPERVISOR.acceptsJurisdiction(RegionLevel.COUNTY))
                .isTrue();
    }

    @Test
    void administratorsAndLiaisonsSeeNoClientData() {
        assertThat(Role.ADMINISTRATOR.has(Permission.READ_CLIENTS)).isFalse();
        assertThat(Role.DEPARTMENT_LIAISON.has(Permission.READ_CLIENTS)).isFalse();
        assertThat(Role.ADMINISTRATOR.has(Permission.MANAGE_USERS)).isTrue();
    }

    @Test
    void onlyStationAndSupervisorRolesMayUnmaskNumbers() {
        assertThat(Role.VILLAGE_CHILD_DIRECTOR.has(Permission.UNMASK_IDENTIFIERS))
                .isFalse();
        assertThat(Role.STATION_WORKER.has(Permission.UNMASK_IDENTIFIERS)).isTrue();
        assertThat(Role.COUNTY_SUPERVISOR.has(Permission.UNMASK_IDENTIFIERS)).isTrue();
    }

    @Test
    void ledgersAreExportedByHeadsAndSupervisorsNotByVillagesOrWorkers() {
        assertThat(Role.STATION_HEAD.has(Permission.EXPORT_LEDGERS)).isTrue();
        assertThat(Role.TOWNSHIP_CHILD_SUPERVISOR.has(Permission.EXPORT_LEDGERS))
                .isTrue();
        assertThat(Role.COUNTY_SUPERVISOR.has(Permission.EXPORT_LEDGERS)).isTrue();
        assertThat(Role.VILLAGE_CHILD_DIRECTOR.has(Permission.EXPORT_LEDGERS)).isFalse();
        assertThat(Role.VILLAGE_ROOM_WORKER.has(Permission.EXPORT_LEDGERS)).isFalse();
        assertThat(Role.STATION_WORKER.has(Permission.EXPORT_LEDGERS)).isFalse();
        assertThat(Role.ADMINISTRATOR.has(Permission.EXPORT_LEDGERS)).isFalse();
        assertThat(Role.DEPARTMENT_LIAISON.has(Permission.EXPORT_LEDGERS)).isFalse();
    }

    @Test
    void anActorCoversOnlyItsJurisdictionSubtree() {
        Actor director = new Actor(
                UUID.randomUUID(), "director", Role.VILLAGE_CHILD_DIRECTOR, new RegionCode("410225101201"), null);
        assertThat(director.covers(new RegionCode("410225101201"))).isTrue();
        assertThat(director.covers(new RegionCode("410225101202"))).isFalse();
        assertThat(director.scopePattern()).isEqualTo("410225101201%");
    }
}
