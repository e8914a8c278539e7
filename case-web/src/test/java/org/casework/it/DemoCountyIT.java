package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.casework.core.accounts.UserAccountRepository;
import org.casework.core.clients.CategorySubType;
import org.casework.core.clients.CategoryType;
import org.casework.core.clients.Client;
import org.casework.core.clients.ClientCategory;
import org.casework.core.clients.ClientRepository;
import org.casework.core.clients.ResidentIdNumber;
import org.casework.core.organisations.Organisation;
import org.casework.core.organisations.OrganisationRepository;
import org.casework.core.organisations.OrganisationType;
import org.casework.core.regions.RegionRepository;
import org.casework.core.shared.RegionLevel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

/** The demo county a fresh embedded start gets: what the README promises is there. */
@IntegrationTest
@Transactional
class DemoCountyIT {

    @Autowired
    RegionRepository regions;

    @Autowired
    OrganisationRepository organisations;

    @Autowired
    UserAccountRepository users;

    @Autowired
    ClientRepository clients;

    @Autowired
    jakarta.persistence.EntityManager entityManager;

    @Test
    void villageDirectorsHaveRaisedFlagsAndTheStationDismissedOne() {
        List<org.casework.core.flags.Flag> demo = entityManager
                .createQuery(
                        "select f from Flag f where f.reporterUsername in ('director-renzhuang', 'director-caozhai')",
                        org.casework.core.flags.Flag.class)
                .getResultList()
                .stream()
                // descriptions are encrypted at rest: the demo's own texts are told apart after reading
                .filter(f -> f.getDescription().contains("网吧")
                        || f.getDescription().contains("一个人在家，晚上")
                        || f.getDescription().contains("房顶漏水"))
                .toList();
        assertThat(demo)
                .extracting(org.casework.core.flags.Flag::getType)
                .containsExactlyInAnyOrder(
                        org.casework.core.flags.FlagType.LIVING_ALONE,
                        org.casework.core.flags.FlagType.SCHOOL_DROPOUT,
                        org.casework.core.flags.FlagType.UNSAFE_HOUSING);
        assertThat(demo)
                .filteredOn(f -> f.getType() == org.casework.core.flags.FlagType.UNSAFE_HOUSING)
                .singleElement()
                .satisfies(f -> assertThat(f.getOutcome()).isEqualTo(org.casework.core.flags.FlagOutcome.DISMISSED));
        assertThat(demo)
                .filteredOn(f -> f.getType() == org.casework.core.flags.FlagType.LIVING_ALONE)
                .singleElement()
                .satisfies(f -> assertThat(f.getSeverity()).isEqualTo(org.casework.core.shared.RiskLevel.RED));
    }

    @Test
    void lankaoHasItsTownshipsAndFourHundredSeventyVillages() {
        long villages = regions.findByLevelOrderByCode(RegionLevel.VILLAGE).stream()
                .filter(r -> r.getCode().startsWith("410225"))
                .count();
        assertThat(villages).isEqualTo(470);
        assertThat(regions.findByParentCodeOrderByCode("410225"))
                .extracting(r -> r.getName())
                .contains("堌阳镇", "南彰镇", "兰阳街道");
        assertThat(regions.findById("410225101201"))
                .get()
                .extracting(r -> r.getName())
                .isEqualTo("任庄村");
    }

    @Test
    void everyTownshipHasAStationAndThePartnersAreThere() {
        List<Organisation> all = organisations.findAll();
        assertThat(all.stream().filter(o -> o.getType() == OrganisationType.TOWNSHIP_STATION))
                .hasSize(16);
        assertThat(all.stream().filter(o -> o.getType() == OrganisationType.COUNTY_CENTRE))
                .hasSize(1);
        assertThat(all.stream().filter(o -> o.getType() == OrganisationType.PARTNER_DEPARTMENT))
                .hasSize(10)
                .allSatisfy(o -> assertThat(o.getContactPhone()).matches("0371\\d{8}"));
        assertThat(all.stream()
                        .filter(o -> o.getType() == OrganisationType.VILLAGE_ROOM)
                        .map(Organisation::getRegionCode))
                .contains("410225101201", "410225101202");
    }

    @Test
    void theDemoAccountsExist() {
        assertThat(users.findAll())
                .extracting(u -> u.getUsername())
                .contains(
                        "admin",
                        "county-sup",
                        "head-guyang",
                        "station-guyang",
                        "station-nanzhang",
                        "director-renzhuang",
                        "director-caozhai",
                        "liaison-fulian");
    }

    @Test
    void aboutThreeHundredClientsWithValidIdsAndEveryCategory() {
        List<Client> demo = clients.findAll().stream()
                .filter(c -> "demo-seed".equals(c.getCreatedBy()))
                .toList();
        assertThat(demo).hasSizeBetween(280, 360);
        assertThat(demo.stream().filter(c -> c.getResidenceRegionCode().equals("410225101201")))
                .hasSizeGreaterThanOrEqualTo(20);
        assertThat(demo.stream()
                        .map(c -> c.getResidenceRegionCode().substring(0, 9))
                        .distinct())
                .containsExactlyInAnyOrder("410225101", "410225102");
        demo.stream().filter(c -> c.getIdNumber() != null).forEach(c -> {
            ResidentIdNumber id = ResidentIdNumber.parse(c.getIdNumber());
            assertThat(id.birthDate()).isEqualTo(c.getBirthDate());
            assertThat(id.sex()).isEqualTo(c.getSex());
        });
        assertThat(demo).anyMatch(c -> c.getIdNumber() == null && c.getNoIdReason() != null);
        assertThat(demo).allMatch(c -> c.getHouseholdId() != null);

        List<ClientCategory> categories =
                demo.stream().flatMap(c -> c.getCategories().stream()).toList();
        Set<CategoryType> types =
                categories.stream().map(ClientCategory::getType).collect(Collectors.toSet());
        assertThat(types).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(CategoryType.class));
        Set<CategorySubType> subTypes = categories.stream()
                .map(ClientCategory::getSubType)
                .filter(s -> s != null)
                .collect(Collectors.toSet());
        assertThat(subTypes).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(CategorySubType.class));
    }
}
