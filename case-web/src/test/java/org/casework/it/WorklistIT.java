package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.fixtures.ClientBuilder.aLeftBehindChild;
import static org.casework.it.fixtures.ClientBuilder.anElderlyPersonLivingAlone;
import static org.casework.it.fixtures.ClientBuilder.category;
import static org.casework.it.fixtures.DemoUsers.COUNTY_SUPERVISOR;
import static org.casework.it.fixtures.DemoUsers.DIRECTOR_CAOZHAI;
import static org.casework.it.fixtures.DemoUsers.DIRECTOR_RENZHUANG;
import static org.casework.it.fixtures.DemoUsers.HEAD_GUYANG;
import static org.casework.it.fixtures.DemoUsers.LIAISON;
import static org.casework.it.fixtures.DemoUsers.STATION_GUYANG;
import static org.casework.it.fixtures.DemoUsers.STATION_NANZHANG;
import static org.casework.it.fixtures.UserBuilder.aStationWorker;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.casework.core.clients.CategorySubType;
import org.casework.core.clients.CategoryType;
import org.casework.core.visits.VisitPolicy;
import org.casework.it.Api.Response;
import org.casework.it.fixtures.CaseSteps;
import org.casework.it.fixtures.Plans;
import org.casework.it.fixtures.TestData;
import org.casework.it.fixtures.UserBuilder;
import org.casework.it.fixtures.Villages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Visit schedules, the worklist and supervisors' caseloads through HTTP. */
class WorklistIT extends ApiTest {

    private CaseSteps cases;

    @BeforeAll
    void steps() {
        cases = new CaseSteps(api);
    }

    private JsonNode schedule(UUID clientId, String user) {
        Response r = api.get("/api/v1/clients/" + clientId + "/visit-schedule", token(user));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        return r.body();
    }

    private void logVisit(String user, UUID clientId, Instant at) {
        Response r = api.post(
                "/api/v1/services",
                Map.of("clientId", clientId, "type", "HOME_VISIT", "occurredAt", at.toString(), "notes", "入户走访"),
                token(user));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
    }

    private List<JsonNode> worklist(String user) {
        return allItems("/api/v1/worklist", token(user));
    }

    private static Optional<JsonNode> itemFor(List<JsonNode> items, String kind, UUID id) {
        String field = kind.equals("VISIT_DUE") ? "clientId" : "caseId";
        return items.stream()
                .filter(i -> i.get("kind").asString().equals(kind))
                .filter(i -> i.get(field).asString().equals(id.toString()))
                .findFirst();
    }

    private static LocalDate date(JsonNode node) {
        return LocalDate.parse(node.asString());
    }

    @Test
    void aNeverVisitedClientIsDueWithinFiveWorkingDaysOfRegistration() {
        UUID child = registry.registerId(STATION_GUYANG, aLeftBehindChild().inVillage(Villages.RENZHUANG));
        LocalDate expected = VisitPolicy.defaults().addWorkingDays(TestData.today(), 5);

        JsonNode schedule = schedule(child, STATION_GUYANG);
        assertThat(schedule.get("level").asString()).isEqualTo("GREEN");
        assertThat(schedule.get("rule").asString()).isEqualTo("FIRST_VISIT");
        assertThat(date(schedule.get("nextDueOn"))).isEqualTo(expected);
        assertThat(schedule.get("lastVisitOn").isNull()).isTrue();
        assertThat(schedule.get("overdue").asBoolean()).isFalse();

        JsonNode item =
                itemFor(worklist(DIRECTOR_RENZHUANG), "VISIT_DUE", child).orElseThrow();
        assertThat(date(item.get("dueOn"))).isEqualTo(expected);
        assertThat(item.get("risk").asString()).isEqualTo("GREEN");
        assertThat(item.get("overdue").asBoolean()).isFalse();
        assertThat(item.get("clientName").asString()).isNotBlank();
        assertThat(itemFor(worklist(STATION_GUYANG), "VISIT_DUE", child)).isPresent();
    }

    @Test
    void loggingAVisitMovesTheDueDateByTheLevelsInterval() {
        UUID green = registry.registerId(STATION_GUYANG, aLeftBehindChild().inVillage(Villages.RENZHUANG));
        UUID yellow = registry.registerId(
                STATION_GUYANG,
                aLeftBehindChild()
                        .inVillage(Villages.RENZHUANG)
                        .withoutCategories()
                        .withCategory(category(CategoryType.CHILD_IN_DIFFICULTY, CategorySubType.ORPHAN)));
        Instant now = Instant.now().minusSeconds(60);
        logVisit(DIRECTOR_RENZHUANG, green, now);
        logVisit(DIRECTOR_RENZHUANG, yellow, now);
        LocalDate today = TestData.today();

        JsonNode greenSchedule = schedule(green, DIRECTOR_RENZHUANG);
        assertThat(greenSchedule.get("level").asString()).isEqualTo("GREEN");
        assertThat(date(greenSchedule.get("lastVisitOn"))).isEqualTo(today);
        assertThat(date(greenSchedule.get("nextDueOn"))).isEqualTo(today.plusMonths(3));
        assertThat(greenSchedule.get("rule").asString()).isEqualTo("LEVEL_INTERVAL");
        JsonNode yellowSchedule = schedule(yellow, DIRECTOR_RENZHUANG);
        assertThat(yellowSchedule.get("level").asString()).isEqualTo("YELLOW");
        assertThat(date(yellowSchedule.get("nextDueOn"))).isEqualTo(today.plusMonths(1));

        List<JsonNode> items = worklist(DIRECTOR_RENZHUANG);
        assertThat(itemFor(items, "VISIT_DUE", green)).isEmpty();
        assertThat(itemFor(items, "VISIT_DUE", yellow)).isEmpty();
    }

    @Test
    void becomingSpecialDifficultyElderlyMakesVisitsMonthly() {
        JsonNode elderly =
                registry.register(STATION_GUYANG, anElderlyPersonLivingAlone().inVillage(Villages.CAOZHAI));
        UUID id = UUID.fromString(elderly.get("id").asString());
        logVisit(DIRECTOR_CAOZHAI, id, Instant.now().minusSeconds(60));
        assertThat(date(schedule(id, DIRECTOR_CAOZHAI).get("nextDueOn")))
                .isEqualTo(TestData.today().plusMonths(3));

        Response added = api.post(
                "/api/v1/clients/" + id + "/categories",
                category(CategoryType.ELDERLY, CategorySubType.SPECIAL_DIFFICULTY_ELDERLY),
                token(STATION_GUYANG),
                "\"" + elderly.get("version").asLong() + "\"");
        assertThat(added.status()).as(added.raw().body()).isEqualTo(200);
        JsonNode schedule = schedule(id, DIRECTOR_CAOZHAI);
        assertThat(schedule.get("level").asString()).isEqualTo("YELLOW");
        assertThat(date(schedule.get("nextDueOn"))).isEqualTo(TestData.today().plusMonths(1));
    }

    @Test
    void aRedCaseMakesTheClientDueWithin24HoursAndSortsFirst() {
        UUID child = registry.registerId(STATION_GUYANG, aLeftBehindChild().inVillage(Villages.LVTANG));
        logVisit(STATION_GUYANG, child, Instant.now().minus(Duration.ofDays(1)));
        JsonNode caseFile = cases.admitted(STATION_GUYANG, child);
        assertThat(schedule(child, STATION_GUYANG).get("level").asString()).isEqualTo("GREEN");

        cases.confirmRisk(STATION_GUYANG, caseFile, "RED");
        JsonNode schedule = schedule(child, STATION_GUYANG);
        assertThat(schedule.get("level").asString()).isEqualTo("RED");
        assertThat(schedule.get("rule").asString()).isEqualTo("RED_RESPONSE");
        assertThat(date(schedule.get("nextDueOn")))
                .isBetween(TestData.today(), TestData.today().plusDays(1));

        List<JsonNode> items = worklist(STATION_GUYANG);
        JsonNode item = itemFor(items, "VISIT_DUE", child).orElseThrow();
        assertThat(item.get("risk").asString()).isEqualTo("RED");
        int position = items.indexOf(item);
        assertThat(items.subList(0, position))
                .allSatisfy(i -> assertThat(i.get("risk").asString()).isEqualTo("RED"));
        assertThat(items.stream().map(i -> i.get("risk").asString()).toList())
                .isSortedAccordingTo((a, b) -> Integer.compare(rank(a), rank(b)));

        logVisit(STATION_GUYANG, child, Instant.now());
        JsonNode visited = schedule(child, STATION_GUYANG);
        assertThat(date(visited.get("nextDueOn"))).isEqualTo(TestData.today().plusDays(7));
        assertThat(visited.get("rule").asString()).isEqualTo("LEVEL_INTERVAL");
    }

    private static int rank(String risk) {
        return risk == null || risk.equals("null")
                ? 4
                : List.of("RED", "ORANGE", "YELLOW", "GREEN").indexOf(risk);
    }

    @Test
    void villageRolesSeeOnlyTheirVillagesVisits() {
        UUID renzhuang = registry.registerId(STATION_GUYANG, aLeftBehindChild().inVillage(Villages.RENZHUANG));
        UUID caozhai = registry.registerId(STATION_GUYANG, aLeftBehindChild().inVillage(Villages.CAOZHAI));

        List<JsonNode> director = worklist(DIRECTOR_RENZHUANG);
        assertThat(director).isNotEmpty();
        assertThat(director).allSatisfy(i -> {
            assertThat(i.get("kind").asString()).isEqualTo("VISIT_DUE");
            assertThat(i.get("regionCode").asString()).isEqualTo(Villages.RENZHUANG);
        });
        assertThat(itemFor(director, "VISIT_DUE", renzhuang)).isPresent();
        assertThat(itemFor(director, "VISIT_DUE", caozhai)).isEmpty();
        assertThat(api.get("/api/v1/clients/" + caozhai + "/visit-schedule", token(DIRECTOR_RENZHUANG))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aStationSeesNothingOfAnotherTownship() {
        UUID guyang = registry.registerId(STATION_GUYANG, aLeftBehindChild().inVillage(Villages.RENZHUANG));
        JsonNode inReview = cases.inPlanReview(
                STATION_GUYANG,
                registry.registerId(STATION_GUYANG, aLeftBehindChild().inVillage(Villages.LVTANG)));

        List<JsonNode> nanzhang = worklist(STATION_NANZHANG);
        assertThat(nanzhang)
                .allSatisfy(i -> assertThat(i.get("regionCode").asString()).startsWith(Villages.NANZHANG));
        assertThat(itemFor(nanzhang, "VISIT_DUE", guyang)).isEmpty();
        assertThat(itemFor(
                        nanzhang,
                        "APPROVAL_WAITING",
                        UUID.fromString(inReview.get("id").asString())))
                .isEmpty();
        assertThat(api.get("/api/v1/clients/" + guyang + "/visit-schedule", token(STATION_NANZHANG))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void supervisorsSeeApprovalsWaitingButNotForTheirOwnCases() {
        UUID child = registry.registerId(STATION_GUYANG, aLeftBehindChild().inVillage(Villages.RENZHUANG));
        JsonNode inReview = cases.inPlanReview(STATION_GUYANG, child);
        UUID caseId = UUID.fromString(inReview.get("id").asString());

        JsonNode approval =
                itemFor(worklist(HEAD_GUYANG), "APPROVAL_WAITING", caseId).orElseThrow();
        assertThat(approval.get("clientId").asString()).isEqualTo(child.toString());
        assertThat(approval.get("caseNumber").asString())
                .isEqualTo(inReview.get("caseNumber").asString());
        assertThat(approval.get("risk").asString()).isEqualTo("RED");
        assertThat(date(approval.get("dueOn"))).isEqualTo(TestData.today());
        assertThat(itemFor(worklist(COUNTY_SUPERVISOR), "APPROVAL_WAITING", caseId))
                .isPresent();
        assertThat(itemFor(worklist(STATION_GUYANG), "APPROVAL_WAITING", caseId))
                .isEmpty();

        UUID ownChild = registry.registerId(HEAD_GUYANG, aLeftBehindChild().inVillage(Villages.RENZHUANG));
        UUID own = UUID.fromString(
                cases.inPlanReview(HEAD_GUYANG, ownChild).get("id").asString());
        assertThat(itemFor(worklist(HEAD_GUYANG), "APPROVAL_WAITING", own)).isEmpty();
        assertThat(itemFor(worklist(COUNTY_SUPERVISOR), "APPROVAL_WAITING", own))
                .isPresent();

        List<JsonNode> approvalsOnly = allItems("/api/v1/worklist?kind=APPROVAL_WAITING", token(HEAD_GUYANG));
        assertThat(approvalsOnly)
                .isNotEmpty()
                .allSatisfy(i -> assertThat(i.get("kind").asString()).isEqualTo("APPROVAL_WAITING"));
        assertThat(itemFor(approvalsOnly, "APPROVAL_WAITING", caseId)).isPresent();
        assertThat(allItems("/api/v1/worklist?kind=VISIT_DUE&kind=FOLLOW_UP_DUE", token(HEAD_GUYANG)))
                .allSatisfy(i -> assertThat(i.get("kind").asString()).isIn("VISIT_DUE", "FOLLOW_UP_DUE"));

        cases.approvePlan(HEAD_GUYANG, inReview);
        assertThat(itemFor(worklist(HEAD_GUYANG), "APPROVAL_WAITING", caseId)).isEmpty();
    }

    @Test
    void theWorklistIsPagedAndNeedsRegistryOrCaseAccess() {
        JsonNode page =
                api.get("/api/v1/worklist?size=5", token(STATION_GUYANG)).body();
        assertThat(page.get("items").size()).isLessThanOrEqualTo(5);
        assertThat(page.get("totalItems").asLong())
                .isGreaterThanOrEqualTo(page.get("items").size());
        List<JsonNode> all = worklist(STATION_GUYANG);
        assertThat((long) all.size()).isEqualTo(page.get("totalItems").asLong());
        assertThat(api.get("/api/v1/worklist", token(LIAISON)).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/worklist?page=100000&size=200", token(STATION_GUYANG))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void theCaseloadCountsEachWorkersOpenCases() {
        UserBuilder worker = aStationWorker();
        UUID workerId = registry.createUser(worker);
        api.tokenFor(worker.username(), worker.password());
        String user = worker.username();

        UUID overdue = registry.registerId(user, aLeftBehindChild().inVillage(Villages.CAOZHAI));
        logVisit(user, overdue, Instant.now().minus(Duration.ofDays(120)));
        cases.admitted(user, overdue);
        JsonNode red = cases.inPlanReview(
                user, registry.registerId(user, aLeftBehindChild().inVillage(Villages.CAOZHAI)));
        cases.open(user, registry.registerId(user, aLeftBehindChild().inVillage(Villages.CAOZHAI)));
        assertThat(red.get("riskLevel").asString()).isEqualTo("RED");

        JsonNode row = caseloadRow(HEAD_GUYANG, workerId);
        assertThat(row.get("username").asString()).isEqualTo(user);
        assertThat(row.get("openCases").asLong()).isEqualTo(2);
        assertThat(row.get("byState").get("INTAKE").asLong()).isEqualTo(1);
        assertThat(row.get("byState").get("PLAN_REVIEW").asLong()).isEqualTo(1);
        assertThat(row.get("byState").has("LEAD")).isFalse();
        assertThat(row.get("byRisk").get("RED").asLong()).isEqualTo(1);
        assertThat(row.get("unknownRisk").asLong()).isEqualTo(1);
        assertThat(row.get("overdueVisits").asLong()).isEqualTo(1);
        assertThat(row.get("awaitingApproval").asLong()).isEqualTo(1);
        assertThat(caseloadRow(COUNTY_SUPERVISOR, workerId).get("openCases").asLong())
                .isEqualTo(2);

        assertThat(api.get("/api/v1/caseload", token(STATION_NANZHANG)).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/caseload", token(DIRECTOR_RENZHUANG)).status())
                .isEqualTo(403);
        JsonNode idle = caseloadRow(HEAD_GUYANG, UUID.fromString(idleWorker()));
        assertThat(idle.get("openCases").asLong()).isZero();
    }

    private String idleWorker() {
        return registry.createUser(aStationWorker()).toString();
    }

    private JsonNode caseloadRow(String supervisor, UUID workerId) {
        Response r = api.get("/api/v1/caseload", token(supervisor));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        return list(r.body()).stream()
                .filter(w -> workerId.toString().equals(w.get("workerId").asString()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no caseload row for " + workerId + " in " + r.raw().body()));
    }

    @Test
    void theWorkerSeesTheActivitiesAndReviewOfThePlanInForce() {
        UUID child = registry.registerId(STATION_GUYANG, aLeftBehindChild().inVillage(Villages.RENZHUANG));
        JsonNode c = cases.approvePlan(HEAD_GUYANG, cases.inPlanReview(STATION_GUYANG, child));
        UUID caseId = UUID.fromString(c.get("id").asString());
        assertThat(c.get("state").asString()).isEqualTo("ACTIVE");
        assertThat(itemFor(worklist(STATION_GUYANG), "PLAN_ACTIVITY_DUE", caseId))
                .as("activities due in two weeks are beyond the horizon")
                .isEmpty();

        c = cases.step(STATION_GUYANG, c, Map.of("action", "REASSESS", "reason", "祖母住院，调整计划"));
        Plans plans = new Plans(api);
        String worker = c.get("assignedWorkerId").asString();
        Map<String, Object> content = Plans.content(worker, "三天内落实临时照护人");
        Map<String, Object> soon = Plans.activity("HOME_VISIT", "三天内上门核实照护", worker);
        soon.put("dueDate", TestData.today().plusDays(3).toString());
        content.put("activities", List.of(soon));
        content.put("reviewDate", TestData.today().plusDays(5).toString());
        JsonNode v2 =
                plans.submit(STATION_GUYANG, plans.update(STATION_GUYANG, plans.draft(STATION_GUYANG, c), content));
        c = cases.approvePlan(HEAD_GUYANG, c);
        assertThat(c.get("state").asString()).isEqualTo("ACTIVE");

        JsonNode activity =
                itemFor(worklist(STATION_GUYANG), "PLAN_ACTIVITY_DUE", caseId).orElseThrow();
        assertThat(date(activity.get("dueOn"))).isEqualTo(TestData.today().plusDays(3));
        JsonNode review =
                itemFor(worklist(STATION_GUYANG), "PLAN_REVIEW_DUE", caseId).orElseThrow();
        assertThat(date(review.get("dueOn"))).isEqualTo(TestData.today().plusDays(5));
        assertThat(worklist(STATION_GUYANG).stream()
                        .filter(i -> i.get("kind").asString().equals("PLAN_ACTIVITY_DUE"))
                        .filter(i -> i.get("caseId").asString().equals(caseId.toString())))
                .as("only the plan in force counts, not the superseded version")
                .hasSize(1);
        assertThat(itemFor(worklist(HEAD_GUYANG), "PLAN_ACTIVITY_DUE", caseId)).isEmpty();
        assertThat(itemFor(worklist(STATION_NANZHANG), "PLAN_REVIEW_DUE", caseId))
                .isEmpty();

        JsonNode inForce = api.get("/api/v1/plans/" + v2.get("id").asString(), token(STATION_GUYANG))
                .body();
        String activityId = inForce.get("activities").get(0).get("id").asString();
        Response done = api.post(
                "/api/v1/plans/" + v2.get("id").asString() + "/activities/" + activityId + "/done",
                Map.of(),
                token(STATION_GUYANG));
        assertThat(done.status()).as(done.raw().body()).isEqualTo(200);
        assertThat(itemFor(worklist(STATION_GUYANG), "PLAN_ACTIVITY_DUE", caseId))
                .isEmpty();
        assertThat(itemFor(worklist(STATION_GUYANG), "PLAN_REVIEW_DUE", caseId)).isPresent();
    }
}
