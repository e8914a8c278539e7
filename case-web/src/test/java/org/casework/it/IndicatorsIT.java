package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.fixtures.DemoUsers.COUNTY_SUPERVISOR;

import java.nio.ByteBuffer;
import java.sql.Date;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.casework.core.indicators.IndicatorParts;
import org.casework.core.indicators.IndicatorSettings;
import org.casework.core.indicators.IndicatorSnapshot;
import org.casework.core.indicators.Indicators;
import org.casework.core.shared.ChinaTime;
import org.casework.core.shared.FieldCipher;
import org.casework.it.fixtures.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Every supervisor indicator on a hand-computed data set, through GET /api/v1/indicators. The data
 * lives in 阎楼乡 (410225209), where neither the demo seed nor any other test writes, and is
 * inserted row by row so each expected figure can be counted by hand from this file. The period is
 * the whole previous month; events sit in its middle, so the test does not depend on today's date.
 */
class IndicatorsIT extends ApiTest {

    static final String TOWNSHIP = "410225209";
    static final String V1 = "410225209200"; // 闫楼北村
    static final String V2 = "410225209201"; // 闫楼南村

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IndicatorSettings settings;

    @Autowired
    FieldCipher cipher;

    @Autowired
    IndicatorSnapshot snapshot;

    @Autowired
    ApplicationContext context;

    private final YearMonth month = YearMonth.from(TestData.today()).minusMonths(1);
    private final LocalDate today = TestData.today();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private UUID w1;
    private UUID w2;
    private int previousThreshold;
    private JsonNode indicators;
    private UUID c3;

    /** China-time wall clock of the period's month, as the UTC DATETIME the columns hold. */
    private LocalDateTime at(int day, int hour, int minute) {
        return month.atDay(day)
                .atTime(hour, minute)
                .atZone(ChinaTime.ZONE)
                .withZoneSameInstant(ZoneOffset.UTC)
                .toLocalDateTime();
    }

    private LocalDateTime daysAgo(int days) {
        return LocalDateTime.now(ZoneOffset.UTC).minusDays(days);
    }

    @BeforeAll
    void handComputedTownship() {
        previousThreshold = settings.getOverloadThreshold();
        settings.setOverloadThreshold(2);
        byte[] station = jdbc.queryForObject(
                "select id from organisation where type = 'TOWNSHIP_STATION' and region_code = ?",
                byte[].class,
                TOWNSHIP);
        List<byte[]> departments = jdbc.queryForList(
                "select id from organisation where type = 'PARTNER_DEPARTMENT' order by name", byte[].class);
        w1 = user("ind-w1-" + suffix, "指标社工甲", station);
        w2 = user("ind-w2-" + suffix, "指标社工乙", station);

        // Clients: C1 child, no guardian, no ID nor reason, untouched; C2 child with guardian and ID;
        // C3 特困 elderly, no ID with a reason, visited; C4 特困 elderly with ID, untouched.
        UUID c1 = client(V1, null, false, false, daysAgo(200));
        UUID c2 = client(V1, "hash-c2-" + suffix, true, false, daysAgo(1));
        c3 = client(V2, null, false, true, daysAgo(200));
        UUID c4 = client(V2, "hash-c4-" + suffix, false, false, daysAgo(200));
        category(c1, "LEFT_BEHIND_CHILD", null);
        category(c2, "LEFT_BEHIND_CHILD", null);
        category(c3, "ELDERLY", "SPECIAL_DIFFICULTY_ELDERLY");
        category(c4, "ELDERLY", "SPECIAL_DIFFICULTY_ELDERLY");

        // Visit schedules as of today: C1 red overdue, C2 yellow due in 3 days (visited in the
        // period), C3 orange due in 30 days (visited in the period), C4 orange overdue.
        schedule(c1, V1, "RED", today.minusDays(3), null);
        schedule(c2, V1, "YELLOW", today.plusDays(3), month.atDay(10));
        schedule(c3, V2, "ORANGE", today.plusDays(30), month.atDay(12));
        schedule(c4, V2, "ORANGE", today.minusDays(1), null);

        // Home visits: C2 on the 10th at 14:00, C3 on the 12th at 12:00; C4's visit was voided.
        service(c2, "HOME_VISIT", at(10, 14, 0), false);
        service(c3, "HOME_VISIT", at(12, 12, 0), false);
        service(c4, "HOME_VISIT", at(13, 10, 0), true);

        // Cases: W1 holds K1 (active red), K2 (assessing orange), K3 (active yellow); W2 holds K4
        // (active, risk unknown); K7 (intake green) is unassigned. K5 and K6 were closed in the period.
        UUID k1 = kase(c1, V1, station, w1, "ACTIVE", "RED", at(1, 10, 0));
        kase(c2, V1, station, w1, "ASSESSING", "ORANGE", at(1, 10, 0));
        UUID k3 = kase(c3, V2, station, w1, "ACTIVE", "YELLOW", at(1, 10, 0));
        UUID k4 = kase(c4, V2, station, w2, "ACTIVE", null, at(1, 10, 0));
        UUID k5 = kase(c1, V1, station, w2, "CLOSED", null, at(1, 10, 0));
        UUID k6 = kase(c2, V1, station, w2, "CLOSED", null, at(1, 10, 0));
        kase(
                c4,
                V2,
                station,
                null,
                "INTAKE",
                "GREEN",
                month.minusMonths(1).atDay(3).atTime(4, 0));
        // K5: closed without a reason nor a follow-up plan, first follow-up two days overdue.
        jdbc.update(
                "update case_file set closed_at = ?, first_follow_up_due = ? where id = ?",
                at(5, 10, 0),
                Date.valueOf(today.minusDays(2)),
                bytes(k5));
        // K6: the client died: a reason, and no follow-up is needed.
        jdbc.update(
                "update case_file set closed_at = ?, closure_reason = 'DIED' where id = ?", at(6, 10, 0), bytes(k6));

        // Plans: K1's review is past on v1 but v2 (approved later) is not due; K3's approved plan
        // is past review; K4's past-review plan is a draft; K5's case is closed.
        plan(k1, 1, "APPROVED", today.minusDays(1));
        plan(k1, 2, "APPROVED", today.plusDays(10));
        plan(k3, 1, "APPROVED", today.minusDays(5));
        plan(k4, 1, "DRAFT", today.minusDays(5));
        plan(k5, 1, "APPROVED", today.minusDays(5));

        // Flags of the period: F1 red triaged in 60 min (SLA 2 h), C2 visited 300 min after;
        // F2 orange triaged after 30 h (SLA 24 h), escalated to the head; F3 yellow never triaged,
        // past due, escalated to head and county; F4 red triaged in 30 min, C3 visited 240 min after;
        // F6 green not yet due. F5 lies in the month before the period.
        UUID f1 = flag(c2, V1, "RED", at(10, 9, 0), at(10, 11, 0), at(10, 10, 0), null, null);
        flag(c1, V1, "ORANGE", at(10, 9, 0), at(11, 9, 0), at(11, 15, 0), at(11, 9, 0), null);
        flag(null, V2, "YELLOW", at(11, 9, 0), at(14, 9, 0), null, at(14, 9, 0), at(17, 9, 0));
        flag(c3, V2, "RED", at(12, 8, 0), at(12, 10, 0), at(12, 8, 30), null, null);
        flag(null, V2, "GREEN", month.minusMonths(1).atDay(10).atTime(1, 0), at(1, 1, 0), null, null, null);
        flag(null, V1, "GREEN", at(20, 9, 0), LocalDateTime.now(ZoneOffset.UTC).plusDays(1), null, null, null);

        // Mandatory reports: for F1 three hours after it was raised, one for K1 without a flag,
        // one in the month before.
        report(f1, null, V1, at(10, 12, 0));
        report(null, k1, V1, at(15, 9, 0));
        report(null, k1, V1, month.minusMonths(1).atDay(15).atTime(1, 0));

        // Referrals: department A completes one (accepted in 120 min), declines one (60 min),
        // accepted one in 240 min still in progress; department B has not answered one past its
        // deadline and one was revoked.
        byte[] a = departments.get(0);
        byte[] b = departments.get(1);
        referral(c1, station, a, "COMPLETED", at(10, 9, 0), at(10, 11, 0), null, at(11, 9, 0));
        referral(c2, station, a, "DECLINED", at(11, 9, 0), null, at(11, 10, 0), at(12, 9, 0));
        referral(c3, station, a, "IN_PROGRESS", at(12, 9, 0), at(12, 13, 0), null, at(13, 9, 0));
        referral(c4, station, b, "SENT", at(12, 9, 0), null, null, at(13, 9, 0));
        referral(c4, station, b, "REVOKED", at(12, 9, 0), null, null, at(13, 9, 0));

        // Reveals: W1 sees C1 (own case K1) and C4 (not W1's); W2 sees C1 (own closed K5), C2 (own
        // K6) and C3 (W1's), and is refused once.
        reveal(w1, "ind-w1-" + suffix, c1, at(10, 9, 0), "REVEALED");
        reveal(w1, "ind-w1-" + suffix, c4, at(11, 9, 0), "REVEALED");
        reveal(w2, "ind-w2-" + suffix, c1, at(11, 9, 0), "REVEALED");
        reveal(w2, "ind-w2-" + suffix, c2, at(12, 9, 0), "REVEALED");
        reveal(w2, "ind-w2-" + suffix, c3, at(13, 9, 0), "REVEALED");
        reveal(w2, "ind-w2-" + suffix, c3, at(13, 9, 5), "REFUSED");

        // The nightly snapshot (data quality, home visits of past months) as the job takes it.
        snapshot.refresh();
        indicators = get(month.atDay(1), month.atEndOfMonth());
    }

    private JsonNode get(LocalDate from, LocalDate to) {
        Api.Response r = api.get(
                "/api/v1/indicators?jurisdiction=" + TOWNSHIP + "&from=" + from + "&to=" + to,
                token(COUNTY_SUPERVISOR));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        return r.body();
    }

    @AfterAll
    void restoreThreshold() {
        settings.setOverloadThreshold(previousThreshold);
    }

    @Test
    void caseloadPerWorkerWithTheOverloadThreshold() {
        JsonNode caseload = indicators.get("caseload");
        assertThat(caseload.get("overloadThreshold").asInt()).isEqualTo(2);
        assertThat(caseload.get("overloadedWorkers").asLong()).isEqualTo(1);
        JsonNode workers = caseload.get("workers");
        assertThat(workers).hasSize(3);
        assertWorker(workers.get(0), "ind-w1-" + suffix, 3, 2, 2, true);
        assertWorker(workers.get(1), "ind-w2-" + suffix, 1, 1, 0, false);
        assertThat(workers.get(2).get("workerId").isNull()).isTrue();
        assertThat(workers.get(2).get("openCases").asLong()).isEqualTo(1);
    }

    private static void assertWorker(
            JsonNode w, String username, long open, long active, long redOrange, boolean over) {
        assertThat(w.get("username").asString()).isEqualTo(username);
        assertThat(w.get("openCases").asLong()).isEqualTo(open);
        assertThat(w.get("activeCases").asLong()).isEqualTo(active);
        assertThat(w.get("redOrangeCases").asLong()).isEqualTo(redOrange);
        assertThat(w.get("overloaded").asBoolean()).isEqualTo(over);
    }

    @Test
    void visitCoverageByLevelAndByVillage() {
        JsonNode v = indicators.get("visits");
        assertThat(v.get("scheduled").asLong()).isEqualTo(4);
        assertThat(v.get("onTime").asLong()).isEqualTo(2);
        assertThat(v.get("dueSoon").asLong()).isEqualTo(1);
        assertThat(v.get("overdue").asLong()).isEqualTo(2);
        assertThat(v.get("visitedInPeriod").asLong()).isEqualTo(2);
        assertThat(v.get("onTimePercent").asDouble()).isEqualTo(50.0);
        JsonNode byLevel = v.get("byLevel");
        assertThat(texts(list(byLevel), "level")).containsExactly("RED", "ORANGE", "YELLOW");
        assertThat(byLevel.get(0).get("overdue").asLong()).isEqualTo(1);
        assertThat(byLevel.get(1).get("scheduled").asLong()).isEqualTo(2);
        assertThat(byLevel.get(1).get("overdue").asLong()).isEqualTo(1);
        assertThat(byLevel.get(2).get("dueSoon").asLong()).isEqualTo(1);
        JsonNode v1 = byRegion(v.get("byRegion"), V1);
        JsonNode v2 = byRegion(v.get("byRegion"), V2);
        assertThat(v1.get("regionName").asString()).isEqualTo("闫楼北村");
        assertThat(v1.get("scheduled").asLong()).isEqualTo(2);
        assertThat(v1.get("overdue").asLong()).isEqualTo(1);
        assertThat(v1.get("dueSoon").asLong()).isEqualTo(1);
        assertThat(v2.get("onTime").asLong()).isEqualTo(1);
        assertThat(v2.get("specialElderly").asLong()).isEqualTo(2);
        assertThat(v2.get("specialElderlyVisited").asLong()).isEqualTo(1);
        // Every village of the township is listed, those without clients with zeros.
        assertThat(v.get("byRegion").size()).isGreaterThan(2);
        assertThat(byRegion(v.get("byRegion"), "410225209202").get("scheduled").asLong())
                .isZero();
    }

    @Test
    void visitCoverageFromTheSnapshotEqualsTheLiveCount() {
        // the snapshot's schedule counts are used only on the day they were taken: of another day
        // (before the night's refresh, or none at all) the coverage is counted live
        jdbc.update("update indicator_snapshot set schedules_on = ?", Date.valueOf(today.minusDays(1)));
        try {
            JsonNode live = get(month.atDay(1), month.atEndOfMonth()).get("visits");
            JsonNode counted = indicators.get("visits");
            for (String figure : new String[] {"scheduled", "onTime", "dueSoon", "overdue", "visitedInPeriod"}) {
                assertThat(live.get(figure).asLong())
                        .as(figure)
                        .isEqualTo(counted.get(figure).asLong());
            }
            assertThat(live.get("byLevel")).isEqualTo(counted.get("byLevel"));
            assertThat(live.get("byRegion")).isEqualTo(counted.get("byRegion"));
        } finally {
            jdbc.update("update indicator_snapshot set schedules_on = ?", Date.valueOf(today));
        }
    }

    @Test
    void aScheduleChangedAfterTheSnapshotIsCountedAtTheNextRefresh() {
        UUID late = UUID.randomUUID();
        schedule(late, V1, "RED", today.minusDays(2), month.atDay(15));
        try {
            JsonNode before = get(month.atDay(1), month.atEndOfMonth()).get("visits");
            assertThat(before.get("overdue").asLong()).as("as of the snapshot").isEqualTo(2);
            assertThat(before.get("visitedInPeriod").asLong())
                    .as("visited: live")
                    .isEqualTo(3);
            snapshot.refresh();
            JsonNode after = get(month.atDay(1), month.atEndOfMonth()).get("visits");
            assertThat(after.get("scheduled").asLong()).isEqualTo(5);
            assertThat(after.get("overdue").asLong()).isEqualTo(3);
        } finally {
            jdbc.update("delete from visit_schedule where client_id = ?", bytes(late));
            snapshot.refresh();
        }
    }

    @Test
    void specialDifficultyElderlyMonthlyCoverage() {
        JsonNode e = indicators.get("visits").get("specialDifficultyElderly");
        assertThat(e.get("monthFrom").asString()).isEqualTo(month.atDay(1).toString());
        assertThat(e.get("clients").asLong()).isEqualTo(2);
        assertThat(e.get("visited").asLong()).isEqualTo(1);
        assertThat(e.get("percent").asDouble()).isEqualTo(50.0);
    }

    @Test
    void flagsAgainstTheTriageSlaWithTimesAndEscalations() {
        JsonNode f = indicators.get("flags");
        assertThat(f.get("raised").asLong()).isEqualTo(5);
        assertThat(f.get("triaged").asLong()).isEqualTo(3);
        assertThat(f.get("slaHit").asLong()).isEqualTo(2);
        assertThat(f.get("slaMissed").asLong()).isEqualTo(2);
        assertThat(f.get("pending").asLong()).isEqualTo(1);
        assertThat(f.get("slaHitPercent").asDouble()).isEqualTo(50.0);
        assertThat(f.get("triageMedianMinutes").asLong()).isEqualTo(60);
        assertThat(f.get("triageP90Minutes").asLong()).isEqualTo(1800);
        assertThat(f.get("visited").asLong()).isEqualTo(2);
        assertThat(f.get("firstVisitMedianMinutes").asLong()).isEqualTo(240);
        assertThat(f.get("firstVisitP90Minutes").asLong()).isEqualTo(300);
        assertThat(f.get("escalatedToHead").asLong()).isEqualTo(2);
        assertThat(f.get("escalatedToCounty").asLong()).isEqualTo(1);
        JsonNode red = f.get("bySeverity").get(0);
        assertThat(red.get("severity").asString()).isEqualTo("RED");
        assertThat(red.get("raised").asLong()).isEqualTo(2);
        assertThat(red.get("slaHit").asLong()).isEqualTo(2);
        JsonNode yellow = f.get("bySeverity").get(2);
        assertThat(yellow.get("severity").asString()).isEqualTo("YELLOW");
        assertThat(yellow.get("slaMissed").asLong()).isEqualTo(1);
        assertThat(f.get("bySeverity").get(3).get("pending").asLong()).isEqualTo(1);
    }

    @Test
    void mandatoryReportsAndTimeToReport() {
        JsonNode m = indicators.get("mandatoryReports");
        assertThat(m.get("reports").asLong()).isEqualTo(2);
        assertThat(m.get("fromFlags").asLong()).isEqualTo(1);
        assertThat(m.get("medianMinutes").asLong()).isEqualTo(180);
        assertThat(m.get("p90Minutes").asLong()).isEqualTo(180);
    }

    @Test
    void plansOverdueForReviewAndClosuresWithoutReasonOrFollowUp() {
        JsonNode c = indicators.get("cases");
        assertThat(c.get("open").asLong()).isEqualTo(5);
        assertThat(c.get("plansOverdueForReview").asLong()).isEqualTo(1);
        assertThat(c.get("closed").asLong()).isEqualTo(2);
        assertThat(c.get("closedWithoutReason").asLong()).isEqualTo(1);
        assertThat(c.get("closedWithoutFollowUpPlan").asLong()).isEqualTo(1);
        assertThat(c.get("followUpOverdue").asLong()).isEqualTo(1);
    }

    @Test
    void openCasesByRiskAndStatePerVillage() {
        List<String> cells = list(indicators.get("cases").get("byRegion")).stream()
                .map(n -> n.get("regionCode").asString() + "/"
                        + (n.get("risk").isNull() ? "-" : n.get("risk").asString()) + "/"
                        + n.get("state").asString() + "=" + n.get("count").asLong())
                .toList();
        assertThat(cells)
                .containsExactly(
                        V1 + "/RED/ACTIVE=1",
                        V1 + "/ORANGE/ASSESSING=1",
                        V2 + "/YELLOW/ACTIVE=1",
                        V2 + "/GREEN/INTAKE=1",
                        V2 + "/-/ACTIVE=1");
    }

    @Test
    void referralLoopClosurePerDepartment() {
        JsonNode r = indicators.get("referrals");
        assertThat(r.get("sent").asLong()).isEqualTo(4);
        assertThat(r.get("answered").asLong()).isEqualTo(3);
        assertThat(r.get("closed").asLong()).isEqualTo(2);
        assertThat(r.get("waitingPastDue").asLong()).isEqualTo(1);
        assertThat(r.get("closedPercent").asDouble()).isEqualTo(50.0);
        assertThat(r.get("responseMedianMinutes").asLong()).isEqualTo(120);
        JsonNode a = r.get("byDepartment").get(0);
        assertThat(a.get("sent").asLong()).isEqualTo(3);
        assertThat(a.get("closed").asLong()).isEqualTo(2);
        assertThat(a.get("closedPercent").asDouble()).isEqualTo(66.7);
        assertThat(a.get("responseMedianMinutes").asLong()).isEqualTo(120);
        JsonNode b = r.get("byDepartment").get(1);
        assertThat(b.get("sent").asLong()).isEqualTo(1);
        assertThat(b.get("waitingPastDue").asLong()).isEqualTo(1);
        assertThat(b.get("responseMedianMinutes").isNull()).isTrue();
    }

    @Test
    void dataQuality() {
        JsonNode d = indicators.get("dataQuality");
        assertThat(d.get("clients").asLong()).isEqualTo(4);
        assertThat(d.get("missingId").asLong()).isEqualTo(2);
        assertThat(d.get("missingIdWithoutReason").asLong()).isEqualTo(1);
        assertThat(d.get("childrenWithoutGuardian").asLong()).isEqualTo(1);
        assertThat(d.get("untouched").asLong()).isEqualTo(2);
        assertThat(d.get("untouchedDays").asInt()).isEqualTo(90);
        assertThat(d.get("asOf").isNull())
                .as("from the snapshot, with its time")
                .isFalse();
    }

    @Test
    void dataQualityFromTheSnapshotEqualsTheLiveCount() {
        // the live path is what the dashboard shows before the first nightly refresh
        Indicators.DataQuality live = IndicatorParts.liveDataQuality(context, TOWNSHIP, today);
        JsonNode d = indicators.get("dataQuality");
        assertThat(live.clients()).isEqualTo(d.get("clients").asLong()).isEqualTo(4);
        assertThat(live.missingId()).isEqualTo(d.get("missingId").asLong());
        assertThat(live.missingIdWithoutReason())
                .isEqualTo(d.get("missingIdWithoutReason").asLong());
        assertThat(live.childrenWithoutGuardian())
                .isEqualTo(d.get("childrenWithoutGuardian").asLong());
        assertThat(live.untouched()).isEqualTo(d.get("untouched").asLong()).isEqualTo(2);
        assertThat(live.asOf()).isNull();
    }

    @Test
    void homeVisitsOfPastMonthsComeFromTheSnapshotAndTheCurrentMonthLive() {
        // C3 visited once more in the tested (past) month, and once just now.
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).minusMinutes(5);
        YearMonth current = YearMonth.from(now.atZone(ZoneOffset.UTC).withZoneSameInstant(ChinaTime.ZONE));
        service(c3, "HOME_VISIT", at(20, 10, 0), false);
        service(c3, "HOME_VISIT", now, false);
        JsonNode before = get(month.atDay(1), today);
        assertThat(trendMonth(before, month).get("homeVisits").asLong())
                .as("the past month as of the snapshot")
                .isEqualTo(2);
        assertThat(trendMonth(before, current).get("homeVisits").asLong())
                .as("the current month, live")
                .isEqualTo(1);
        snapshot.refresh();
        JsonNode after = get(month.atDay(1), today);
        assertThat(trendMonth(after, month).get("homeVisits").asLong()).isEqualTo(3);
        assertThat(trendMonth(after, current).get("homeVisits").asLong()).isEqualTo(1);
    }

    private static JsonNode trendMonth(JsonNode indicators, YearMonth month) {
        return list(indicators.get("trend")).stream()
                .filter(n -> n.get("month").asString().equals(month.toString()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void revealsOutsideOnesCaseloadPerUser() {
        JsonNode reveals = indicators.get("reveals");
        assertThat(reveals).hasSize(2);
        assertThat(reveals.get(0).get("username").asString()).isEqualTo("ind-w1-" + suffix);
        assertThat(reveals.get(0).get("displayName").asString()).isEqualTo("指标社工甲");
        assertThat(reveals.get(0).get("reveals").asLong()).isEqualTo(2);
        assertThat(reveals.get(0).get("outsideCaseload").asLong()).isEqualTo(1);
        assertThat(reveals.get(1).get("reveals").asLong()).isEqualTo(3);
        assertThat(reveals.get(1).get("outsideCaseload").asLong()).isEqualTo(1);
    }

    @Test
    void monthlyTrend() {
        JsonNode trend = indicators.get("trend");
        assertThat(trend).hasSize(6);
        JsonNode last = trend.get(5);
        assertThat(last.get("month").asString()).isEqualTo(month.toString());
        assertThat(last.get("flagsRaised").asLong()).isEqualTo(5);
        assertThat(last.get("casesOpened").asLong()).isEqualTo(6);
        assertThat(last.get("homeVisits").asLong()).isEqualTo(2);
        JsonNode before = trend.get(4);
        assertThat(before.get("flagsRaised").asLong()).isEqualTo(1);
        assertThat(before.get("casesOpened").asLong()).isEqualTo(1);
    }

    private static JsonNode byRegion(JsonNode rows, String code) {
        return list(rows).stream()
                .filter(n -> n.get("regionCode").asString().equals(code))
                .findFirst()
                .orElseThrow();
    }

    // --- rows -------------------------------------------------------------------------------------

    private UUID user(String username, String name, byte[] station) {
        UUID id = UUID.randomUUID();
        jdbc.update(
                "insert into user_account (id, version, username, display_name, password_hash, role,"
                        + " jurisdiction_code, organisation_id, enabled, failed_logins) values (?,0,?,?,'{noop}x',"
                        + " 'STATION_WORKER',?,?,true,0)",
                bytes(id),
                username,
                name,
                TOWNSHIP,
                station);
        return id;
    }

    private UUID client(String village, String idHash, boolean guardian, boolean noIdReason, LocalDateTime created) {
        UUID id = UUID.randomUUID();
        jdbc.update(
                "insert into client (id, version, full_name, name_pinyin, name_initials, sex, birth_date,"
                        + " id_number_hash, guardian_name_enc, no_id_reason_enc, residence_region_code, created_at,"
                        + " created_by) values (?,0,'指标','zhibiao','zb','FEMALE',?,?,?,?,?,?,'test')",
                bytes(id),
                Date.valueOf(LocalDate.of(2015, 3, 1)),
                idHash,
                guardian ? cipher.encrypt("奶奶") : null,
                noIdReason ? cipher.encrypt("未办理") : null,
                village,
                created);
        return id;
    }

    private void category(UUID client, String type, String subType) {
        jdbc.update(
                "insert into client_category (id, client_id, type, sub_type, valid_from, source, recorded_by, recorded_at)"
                        + " values (?,?,?,?,?,'OUTREACH','test',?)",
                bytes(UUID.randomUUID()),
                bytes(client),
                type,
                subType,
                Date.valueOf(month.minusMonths(3).atDay(1)),
                daysAgo(200));
    }

    private void schedule(UUID client, String village, String level, LocalDate due, LocalDate lastVisit) {
        jdbc.update(
                "insert into visit_schedule (client_id, region_code, visit_level, level_rank, last_visit_on, next_due_on,"
                        + " due_rule, refreshed_at) values (?,?,?,0,?,?,'TEST',?)",
                bytes(client),
                village,
                level,
                lastVisit == null ? null : Date.valueOf(lastVisit),
                Date.valueOf(due),
                LocalDateTime.now(ZoneOffset.UTC));
    }

    private void service(UUID client, String type, LocalDateTime at, boolean voided) {
        jdbc.update(
                "insert into service_record (id, version, client_id, type, occurred_at, notes_enc, recorded_by,"
                        + " recorded_at, voided_at) values (?,0,?,?,?,?,'test',?,?)",
                bytes(UUID.randomUUID()),
                bytes(client),
                type,
                at,
                cipher.encrypt("入户走访"),
                at,
                voided ? at.plusHours(1) : null);
    }

    private UUID kase(
            UUID client, String village, byte[] station, UUID worker, String state, String risk, LocalDateTime opened) {
        UUID id = UUID.randomUUID();
        jdbc.update(
                "insert into case_file (id, version, case_number, primary_client_id, region_code, station_id,"
                        + " assigned_worker_id, source, state, effective_risk_level, follow_ups_done, opened_at)"
                        + " values (?,0,?,?,?,?,?,'OUTREACH',?,?,0,?)",
                bytes(id),
                "IND-" + id.toString().substring(0, 14),
                bytes(client),
                village,
                station,
                worker == null ? null : bytes(worker),
                state,
                risk,
                opened);
        return id;
    }

    private void plan(UUID kase, int version, String status, LocalDate review) {
        jdbc.update(
                "insert into service_plan (id, version, case_id, version_number, status, review_date,"
                        + " approved_without_review) values (?,0,?,?,?,?,false)",
                bytes(UUID.randomUUID()),
                bytes(kase),
                version,
                status,
                Date.valueOf(review));
    }

    private UUID flag(
            UUID client,
            String village,
            String severity,
            LocalDateTime raised,
            LocalDateTime due,
            LocalDateTime triaged,
            LocalDateTime head,
            LocalDateTime county) {
        UUID id = UUID.randomUUID();
        jdbc.update(
                "insert into flag (id, version, village_code, client_id, type_enc, severity, description_enc, observed_at,"
                        + " reporter_id, reporter_username, raised_at, triage_due_at, county_due_at, status, triaged_at,"
                        + " escalated_head_at, escalated_county_at) values (?,0,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                bytes(id),
                village,
                client == null ? null : bytes(client),
                cipher.encrypt("LIVING_ALONE"),
                severity,
                cipher.encrypt("指标测试"),
                raised,
                bytes(w1),
                "ind-w1-" + suffix,
                raised,
                due,
                due.plusDays(1),
                triaged == null ? "UNTRIAGED" : "TRIAGED",
                triaged,
                head,
                county);
        return id;
    }

    private void report(UUID flag, UUID kase, String village, LocalDateTime at) {
        jdbc.update(
                "insert into mandatory_report (id, version, flag_id, case_id, village_code, reported_at, receiving_unit,"
                        + " officer_enc, receipt_number_enc, reported_by, civil_affairs_notified_at,"
                        + " minor_protection_notified_at, recorded_by, recorded_at)"
                        + " values (?,0,?,?,?,?,'派出所',?,?,'test',?,?,'test',?)",
                bytes(UUID.randomUUID()),
                flag == null ? null : bytes(flag),
                kase == null ? null : bytes(kase),
                village,
                at,
                cipher.encrypt("民警"),
                cipher.encrypt("回执"),
                at,
                at,
                at);
    }

    private void referral(
            UUID client,
            byte[] station,
            byte[] department,
            String status,
            LocalDateTime sent,
            LocalDateTime accepted,
            LocalDateTime declined,
            LocalDateTime due) {
        jdbc.update(
                "insert into referral (id, version, client_id, sending_organisation_id, sending_region_code, sender_id,"
                        + " sent_by, sent_at, receiving_organisation_id, status, urgency, reason_enc,"
                        + " services_requested_enc, consent_basis, response_due_at, accepted_at, declined_at)"
                        + " values (?,0,?,?,?,?,'test',?,?,?,'NORMAL',?,?,'CLIENT_CONSENT',?,?,?)",
                bytes(UUID.randomUUID()),
                bytes(client),
                station,
                TOWNSHIP,
                bytes(w1),
                sent,
                department,
                status,
                cipher.encrypt("转介原因"),
                cipher.encrypt("服务需求"),
                due,
                accepted,
                declined);
    }

    private void reveal(UUID actorId, String actor, UUID client, LocalDateTime at, String outcome) {
        jdbc.update(
                "insert into sensitive_access (id, actor, actor_id, client_id, reason_enc, occurred_at, outcome)"
                        + " values (?,?,?,?,?,?,?)",
                bytes(UUID.randomUUID()),
                actor,
                bytes(actorId),
                bytes(client),
                cipher.encrypt("核实身份"),
                at,
                outcome);
    }

    static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
    }
}
