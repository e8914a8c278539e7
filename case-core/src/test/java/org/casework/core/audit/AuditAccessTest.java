package org.casework.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.casework.core.security.Actor;
import org.casework.core.security.Role;
import org.casework.core.shared.AccessDeniedException;
import org.casework.core.shared.RegionCode;
import org.junit.jupiter.api.Test;

class AuditAccessTest {

    @Test
    void supervisorsAndAdministratorsOverseeTheirJurisdiction() {
        for (Role role : new Role[] {
            Role.ADMINISTRATOR, Role.COUNTY_SUPERVISOR, Role.STATION_HEAD, Role.TOWNSHIP_CHILD_SUPERVISOR
        }) {
            assertThat(AuditAccess.of(actor(role))).as(role.name()).isEqualTo(AuditAccess.JURISDICTION);
        }
    }

    @Test
    void aStationWorkerSeesTheirOwn() {
        assertThat(AuditAccess.of(actor(Role.STATION_WORKER))).isEqualTo(AuditAccess.OWN);
    }

    @Test
    void villageRolesAndLiaisonsAreRefused() {
        for (Role role : new Role[] {Role.VILLAGE_CHILD_DIRECTOR, Role.VILLAGE_ROOM_WORKER, Role.DEPARTMENT_LIAISON}) {
            assertThatThrownBy(() -> AuditAccess.of(actor(role)))
                    .as(role.name())
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    private static Actor actor(Role role) {
        return new Actor(UUID.randomUUID(), "u", role, new RegionCode("410225101"), null);
    }
}
