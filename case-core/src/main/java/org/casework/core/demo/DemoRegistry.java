package org.casework.core.demo;

import static org.casework.core.clients.CategorySubType.ADVANCED_AGE;
import static org.casework.core.clients.CategorySubType.DISABLED_ELDERLY;
import static org.casework.core.clients.CategorySubType.EMPTY_NEST;
import static org.casework.core.clients.CategorySubType.LEFT_BEHIND_ELDERLY;
import static org.casework.core.clients.CategorySubType.LIVING_ALONE;
import static org.casework.core.clients.CategorySubType.SPECIAL_DIFFICULTY_ELDERLY;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.clients.CategorySource;
import org.casework.core.clients.CategorySubType;
import org.casework.core.clients.CategoryType;
import org.casework.core.clients.ClientInput;
import org.casework.core.clients.ClientInput.ChildProfileInput;
import org.casework.core.clients.ClientInput.ElderlyProfileInput;
import org.casework.core.clients.ClientInput.NewCategory;
import org.casework.core.clients.ClientService;
import org.casework.core.clients.HouseholdRelation;
import org.casework.core.clients.LivingArrangement;
import org.casework.core.clients.ParentStatus;
import org.casework.core.clients.PossibleDuplicateException;
import org.casework.core.clients.Sex;
import org.casework.core.households.HouseholdService;
import org.casework.core.households.HouseholdService.HouseholdDetails;
import org.casework.core.regions.Region;
import org.casework.core.regions.RegionService;
import org.casework.core.shared.RegionCode;
import org.springframework.stereotype.Component;

/**
 * Generates the demo registry: households of left-behind children with grandparents, children in
 * difficulty, left-behind women, elderly people living alone or as empty nesters, households on
 * assistance. Every category and sub-type occurs; at least 20 clients live in 任庄村.
 */
@Component
@RequiredArgsConstructor
class DemoRegistry {

    private static final CategorySubType[] CHILD_DIFFICULTIES =
            CategorySubType.of(CategoryType.CHILD_IN_DIFFICULTY).toArray(CategorySubType[]::new);
    private static final CategorySubType[] ASSISTANCE =
            CategorySubType.of(CategoryType.HOUSEHOLD_IN_DIFFICULTY).toArray(CategorySubType[]::new);

    private final ClientService clients;
    private final HouseholdService households;
    private final RegionService regions;
    private final Clock clock;

    private DemoPeople people;
    private LocalDate today;
    private int families;

    /** Registers about 300 clients; the quota per village puts the most in the demo villages. */
    void seed() {
        today = LocalDate.now(clock);
        people = new DemoPeople(20_260_101L, today);
        Map<Region, Integer> quota = new LinkedHashMap<>();
        List<Region> guyang = regions.children(new RegionCode(DemoCounty.GUYANG));
        List<Region> nanzhang = regions.children(new RegionCode(DemoCounty.NANZHANG));
        for (int i = 0; i < Math.min(6, guyang.size()); i++) {
            Region village = guyang.get(i);
            quota.put(
                    village,
                    village.getCode().equals(DemoCounty.RENZHUANG)
                            ? 48
                            : village.getCode().equals(DemoCounty.CAOZHAI) ? 36 : 30);
        }
        for (int i = 0; i < Math.min(4, nanzhang.size()); i++) {
            quota.put(nanzhang.get(i), 27);
        }
        quota.forEach((village, count) -> {
            int registered = 0;
            while (registered < count) {
                registered += family(village);
            }
        });
    }

    private int family(Region village) {
        families++;
        return switch (families % 6) {
            case 0, 1 -> leftBehindChildren(village);
            case 2 -> childInDifficulty(village);
            case 3 -> leftBehindWoman(village);
            case 4 -> elderlyAlone(village);
            default -> emptyNest(village);
        };
    }

    private int leftBehindChildren(Region village) {
        String surname = people.surname();
        UUID household = household(village, surname);
        Person grandfather = person(surname, Sex.MALE, people.between(58, 76));
        Person grandmother = person(people.surname(), Sex.FEMALE, grandfather.age - people.between(0, 4));
        register(
                grandfather,
                village,
                household,
                HouseholdRelation.HEAD,
                null,
                elderly(grandfather, LivingArrangement.WITH_CHILDREN),
                elderlyCategories(grandfather, LEFT_BEHIND_ELDERLY));
        register(
                grandmother,
                village,
                household,
                HouseholdRelation.SPOUSE,
                null,
                elderly(grandmother, LivingArrangement.WITH_CHILDREN),
                elderlyCategories(grandmother, LEFT_BEHIND_ELDERLY));
        int children = people.between(1, 3);
        for (int i = 0; i < children; i++) {
            Person child = person(surname, people.sex(), people.between(2, 15));
            ChildProfileInput profile =
                    childProfile(ParentStatus.WORKING_AWAY, ParentStatus.WORKING_AWAY, grandmother, "祖母");
            register(
                    child,
                    village,
                    household,
                    HouseholdRelation.GRANDCHILD,
                    profile,
                    null,
                    List.of(category(CategoryType.LEFT_BEHIND_CHILD, null, CategorySource.OUTREACH)));
        }
        return 2 + children;
    }

    private int childInDifficulty(Region village) {
        String surname = people.surname();
        UUID household = household(village, surname);
        Person grandmother = person(people.surname(), Sex.FEMALE, people.between(60, 80));
        CategorySubType assistance = ASSISTANCE[families / 6 % ASSISTANCE.length];
        List<NewCategory> grandmotherCategories =
                new ArrayList<>(elderlyCategories(grandmother, SPECIAL_DIFFICULTY_ELDERLY));
        grandmotherCategories.add(
                category(CategoryType.HOUSEHOLD_IN_DIFFICULTY, assistance, CategorySource.ACCREDITED));
        register(
                grandmother,
                village,
                household,
                HouseholdRelation.HEAD,
                null,
                elderly(grandmother, LivingArrangement.WITH_OTHERS),
                grandmotherCategories);
        CategorySubType difficulty = CHILD_DIFFICULTIES[families / 6 % CHILD_DIFFICULTIES.length];
        Person child = person(surname, people.sex(), people.between(1, 16));
        ParentStatus father = difficulty == CategorySubType.ORPHAN ? ParentStatus.DECEASED : ParentStatus.IMPRISONED;
        ParentStatus mother = difficulty == CategorySubType.ORPHAN ? ParentStatus.DECEASED : ParentStatus.MISSING;
        boolean noHukou = families % 5 == 2;
        register(
                child.withoutId(noHukou),
                village,
                household,
                HouseholdRelation.GRANDCHILD,
                childProfile(father, mother, grandmother, "祖母"),
                null,
                List.of(category(CategoryType.CHILD_IN_DIFFICULTY, difficulty, CategorySource.ACCREDITED)));
        return 2;
    }

    private int leftBehindWoman(Region village) {
        String surname = people.surname();
        UUID household = household(village, surname);
        Person mother = person(people.surname(), Sex.FEMALE, people.between(26, 45));
        register(
                mother,
                village,
                household,
                HouseholdRelation.SPOUSE,
                null,
                null,
                List.of(category(CategoryType.LEFT_BEHIND_WOMAN, null, CategorySource.SELF_REPORTED)));
        int children = people.between(1, 2);
        for (int i = 0; i < children; i++) {
            Person child = person(surname, people.sex(), people.between(1, 14));
            register(
                    child,
                    village,
                    household,
                    people.chance(50) ? HouseholdRelation.SON : HouseholdRelation.DAUGHTER,
                    childProfile(ParentStatus.WORKING_AWAY, ParentStatus.AT_HOME, mother, "母亲"),
                    null,
                    List.of());
        }
        return 1 + children;
    }

    private int elderlyAlone(Region village) {
        Person elder = person(people.surname(), people.sex(), people.between(68, 93));
        UUID household = household(village, elder.fullName.substring(0, 1));
        List<NewCategory> categories = new ArrayList<>(elderlyCategories(elder, LIVING_ALONE));
        if (families % 4 == 0) {
            categories.add(category(
                    CategoryType.HOUSEHOLD_IN_DIFFICULTY,
                    ASSISTANCE[families % ASSISTANCE.length],
                    CategorySource.ACCREDITED));
        }
        register(
                elder,
                village,
                household,
                HouseholdRelation.HEAD,
                null,
                new ElderlyProfileInput(LivingArrangement.ALONE, "子女在外地务工，每月电话联系"),
                categories);
        return 1;
    }

    private int emptyNest(Region village) {
        String surname = people.surname();
        UUID household = household(village, surname);
        Person husband = person(surname, Sex.MALE, people.between(62, 85));
        Person wife = person(people.surname(), Sex.FEMALE, husband.age - people.between(0, 3));
        register(
                husband,
                village,
                household,
                HouseholdRelation.HEAD,
                null,
                elderly(husband, LivingArrangement.WITH_SPOUSE),
                elderlyCategories(husband, EMPTY_NEST));
        List<NewCategory> wifeCategories = new ArrayList<>(elderlyCategories(wife, EMPTY_NEST));
        if ((families / 6) % 2 == 0 && wife.age >= 62) {
            wifeCategories.add(category(CategoryType.ELDERLY, DISABLED_ELDERLY, CategorySource.ACCREDITED));
        }
        register(
                wife,
                village,
                household,
                HouseholdRelation.SPOUSE,
                null,
                elderly(wife, LivingArrangement.WITH_SPOUSE),
                wifeCategories);
        return 2;
    }

    private List<NewCategory> elderlyCategories(Person person, CategorySubType main) {
        List<NewCategory> categories = new ArrayList<>();
        // 62, not 60 (82, not 80): a category dated up to 18 months back must find the person of age.
        if (person.age >= 62) {
            categories.add(category(CategoryType.ELDERLY, main, CategorySource.OUTREACH));
            if (person.age >= 82) {
                categories.add(category(CategoryType.ELDERLY, ADVANCED_AGE, CategorySource.ACCREDITED));
            }
        }
        return categories;
    }

    private NewCategory category(CategoryType type, CategorySubType subType, CategorySource source) {
        LocalDate from = today.minusMonths(people.between(1, 18));
        return new NewCategory(type, subType, from, null, source, "村委会 " + people.surname() + "主任");
    }

    private ChildProfileInput childProfile(ParentStatus father, ParentStatus mother, Person guardian, String relation) {
        String away = father == ParentStatus.WORKING_AWAY ? people.pick(DemoPeople.WORKPLACES) : null;
        String awayMother = mother == ParentStatus.WORKING_AWAY ? people.pick(DemoPeople.WORKPLACES) : null;
        return new ChildProfileInput(
                father,
                away,
                mother,
                awayMother,
                guardian.fullName,
                relation,
                people.mobile(),
                guardian.fullName,
                relation,
                null,
                "兰考县" + people.pick(List.of("堌阳镇中心小学", "南彰镇第一初级中学", "堌阳镇第二小学", "南彰镇中心幼儿园")),
                today.minusDays(people.between(3, 60)));
    }

    private ElderlyProfileInput elderly(Person person, LivingArrangement arrangement) {
        return person.age >= 60 ? new ElderlyProfileInput(arrangement, "儿子（外出务工）") : null;
    }

    private UUID household(Region village, String surname) {
        String address = village.getName() + people.between(1, 8) + "组" + people.between(1, 60) + "号";
        return households
                .create(new HouseholdDetails(surname + "家", village.getCode(), address, null))
                .getId();
    }

    private Person person(String surname, Sex sex, int age) {
        LocalDate birthDate = people.birthDateForAge(age);
        return new Person(surname + people.givenName(sex, age), sex, age, birthDate, people.idNumber(birthDate, sex));
    }

    private void register(
            Person person,
            Region village,
            UUID household,
            HouseholdRelation relation,
            ChildProfileInput child,
            ElderlyProfileInput elderly,
            List<NewCategory> categories) {
        try {
            clients.register(new ClientInput(
                    person.fullName,
                    person.sex,
                    person.birthDate,
                    "汉族",
                    person.idNumber,
                    person.idNumber == null ? "未落户（无户籍）" : null,
                    person.age >= 18 ? people.mobile() : null,
                    village.getCode(),
                    village.getCode(),
                    null,
                    household,
                    relation,
                    child,
                    elderly,
                    categories,
                    null));
        } catch (PossibleDuplicateException e) {
            // A generated namesake born the same day in the same village: skip rather than override.
        }
    }

    private record Person(String fullName, Sex sex, int age, LocalDate birthDate, String idNumber) {
        Person withoutId(boolean noId) {
            return noId ? new Person(fullName, sex, age, birthDate, null) : this;
        }
    }
}
