package org.casework.core.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.accounts.AccountService;
import org.casework.core.accounts.AccountService.NewUser;
import org.casework.core.accounts.UserAccountRepository;
import org.casework.core.bootstrap.CountyFoundation;
import org.casework.core.organisations.Department;
import org.casework.core.organisations.Organisation;
import org.casework.core.organisations.OrganisationService;
import org.casework.core.organisations.OrganisationService.NewOrganisation;
import org.casework.core.organisations.OrganisationType;
import org.casework.core.regions.Region;
import org.casework.core.regions.RegionService;
import org.casework.core.security.Actor;
import org.casework.core.security.ActorDetails;
import org.casework.core.security.Role;
import org.casework.core.shared.RegionCode;
import org.casework.core.shared.RegionLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo county (兰考县) into an empty database: its regions, organisations, the demo
 * accounts and about 300 registry clients. Enabled by {@code casework.demo-data}, which only the
 * embedded default turns on; a database that already has users is never touched.
 */
@Component
@ConditionalOnProperty(name = "casework.demo-data", havingValue = "true")
@RequiredArgsConstructor
public class DemoCountySeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCountySeeder.class);

    private final UserAccountRepository users;
    private final CountyFoundation foundation;
    private final RegionService regions;
    private final OrganisationService organisations;
    private final AccountService accounts;
    private final DemoRegistry registry;
    private final DemoFlags flags;

    @Override
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            return;
        }
        log.info("Empty database: seeding the demo county 兰考县 ({})", DemoCounty.COUNTY);
        foundation.importRegions(new RegionCode(DemoCounty.COUNTY));
        Map<String, UUID> orgs = seedOrganisations();
        seedUsers(orgs);
        runAsSeeder(registry::seed);
        flags.seed((username, work) ->
                runAs(users.findByUsername(username).orElseThrow().toActor(), work));
        log.info("Demo county seeded; demo accounts use the password in the README");
    }

    private Map<String, UUID> seedOrganisations() {
        // the centre and the stations as a real county's first start makes them (bootstrap command)
        Map<String, UUID> ids = new HashMap<>(foundation.createCentreAndStations(new RegionCode(DemoCounty.COUNTY)));
        for (String township : List.of(DemoCounty.GUYANG, DemoCounty.NANZHANG)) {
            for (Region village : regions.children(new RegionCode(township))) {
                if (village.getLevel() == RegionLevel.VILLAGE) {
                    ids.put(
                            village.getCode(),
                            create(
                                    OrganisationType.VILLAGE_ROOM,
                                    village.getName() + "社会工作室",
                                    village.getCode(),
                                    null));
                }
            }
        }
        Map<Department, String> departments = new java.util.LinkedHashMap<>();
        departments.put(Department.EDUCATION, "兰考县教育局");
        departments.put(Department.PUBLIC_SECURITY, "兰考县公安局");
        departments.put(Department.JUSTICE, "兰考县司法局");
        departments.put(Department.HEALTH, "兰考县卫生健康委员会");
        departments.put(Department.WOMENS_FEDERATION, "兰考县妇女联合会");
        departments.put(Department.DISABLED_PERSONS_FEDERATION, "兰考县残疾人联合会");
        departments.put(Department.COMMUNIST_YOUTH_LEAGUE, "共青团兰考县委员会");
        departments.put(Department.TRADE_UNION, "兰考县总工会");
        departments.put(Department.MINOR_PROTECTION_STATION, "兰考县未成年人保护工作站");
        departments.put(Department.CIVIL_AFFAIRS, "兰考县民政局社会救助股");
        int line = 0;
        for (Map.Entry<Department, String> department : departments.entrySet()) {
            // The departments' office lines: synthetic numbers in Kaifeng's 0371 area.
            String phone = "0371-2699" + String.format("%04d", 1001 + line++);
            Organisation created = organisations.createUnchecked(new NewOrganisation(
                    OrganisationType.PARTNER_DEPARTMENT,
                    department.getValue(),
                    DemoCounty.COUNTY,
                    department.getKey(),
                    "办公室",
                    phone));
            ids.put(department.getKey().name(), created.getId());
        }
        return ids;
    }

    private UUID create(OrganisationType type, String name, String region, Department department) {
        Organisation created =
                organisations.createUnchecked(new NewOrganisation(type, name, region, department, null, null));
        return created.getId();
    }

    private void seedUsers(Map<String, UUID> orgs) {
        user("admin", "系统管理员", Role.ADMINISTRATOR, DemoCounty.COUNTY, orgs.get("county"));
        user("county-sup", "县级督导 刘敏", Role.COUNTY_SUPERVISOR, DemoCounty.COUNTY, orgs.get("county"));
        user("head-guyang", "堌阳镇站长 王建华", Role.STATION_HEAD, DemoCounty.GUYANG, orgs.get(DemoCounty.GUYANG));
        user("station-guyang", "堌阳镇社工 李娜", Role.STATION_WORKER, DemoCounty.GUYANG, orgs.get(DemoCounty.GUYANG));
        user("station-nanzhang", "南彰镇社工 赵磊", Role.STATION_WORKER, DemoCounty.NANZHANG, orgs.get(DemoCounty.NANZHANG));
        user(
                "director-renzhuang",
                "任庄村儿童主任 任秀兰",
                Role.VILLAGE_CHILD_DIRECTOR,
                DemoCounty.RENZHUANG,
                orgs.get(DemoCounty.RENZHUANG));
        user(
                "director-caozhai",
                "曹寨村儿童主任 曹桂芳",
                Role.VILLAGE_CHILD_DIRECTOR,
                DemoCounty.CAOZHAI,
                orgs.get(DemoCounty.CAOZHAI));
        user(
                "liaison-fulian",
                "县妇联联络员 张丽",
                Role.DEPARTMENT_LIAISON,
                DemoCounty.COUNTY,
                orgs.get(Department.WOMENS_FEDERATION.name()));
    }

    private void user(String username, String name, Role role, String jurisdiction, UUID org) {
        accounts.createDemoAccount(new NewUser(username, name, DemoCounty.PASSWORD, role, jurisdiction, org));
    }

    /** Registry writes go through the services, so demo data obeys every rule real data does. */
    private static void runAsSeeder(Runnable work) {
        runAs(
                new Actor(
                        UUID.randomUUID(),
                        "demo-seed",
                        Role.COUNTY_SUPERVISOR,
                        new RegionCode(DemoCounty.COUNTY),
                        null),
                work);
    }

    /** Flags need a real reporter and triager: those run as the demo user. */
    private static void runAs(Actor seeder, Runnable work) {
        ActorDetails details = new ActorDetails(seeder, "", true, false);
        var previous = SecurityContextHolder.getContext();
        try {
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
            SecurityContextHolder.setContext(context);
            work.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
