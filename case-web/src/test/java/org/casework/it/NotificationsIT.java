package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.casework.it.fixtures.Cases.id;
import static org.casework.it.fixtures.Cases.ok;
import static org.casework.it.fixtures.ClientBuilder.aLeftBehindChild;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.casework.core.flags.EscalationTier;
import org.casework.core.flags.FlagEscalated;
import org.casework.core.flags.FlagOutcome;
import org.casework.core.flags.FlagRaised;
import org.casework.core.flags.FlagTriaged;
import org.casework.core.referrals.ReferralEscalated;
import org.casework.core.referrals.ReferralStatus;
import org.casework.core.referrals.ReferralStatusChanged;
import org.casework.core.shared.RegionCode;
import org.casework.core.shared.RiskLevel;
import org.casework.it.Api.Response;
import org.casework.it.fixtures.Cases;
import org.casework.it.fixtures.DemoUsers;
import org.casework.it.fixtures.Plans;
import org.casework.it.fixtures.Villages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The inbox through HTTP: approvals of plans and closures, flags and referrals (their events
 * published here as their services will publish them, inside a transaction), marking read, and
 * the SMS alerts that go out only after the commit.
 */
class NotificationsIT extends ApiTest {

    private static final String WORKER = DemoUsers.STATION_GUYANG;
    private static final String HEAD = DemoUsers.HEAD_GUYANG;
    private static final String COUNTY = DemoUsers.COUNTY_SUPERVISOR;
    private static final String INBOX = "/api/v1/notifications";

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactionManager;

    private TransactionTemplate transactions;

    @Autowired
    RecordingSmsSender sms;

    private Cases cases;
    private Plans plans;

    @BeforeAll
    void fixtures() {
        cases = new Cases(api);
        plans = new Plans(api);
        transactions = new TransactionTemplate(transactionManager);
    }

    @AfterEach
    void resetSms() {
        sms.reset();
    }

    private void publish(Object event) {
        transactions.executeWithoutResult(status -> events.publishEvent(event));
    }

    private UUID userId(String username) {
        return UUID.fromString(allItems("/api/v1/users", token(DemoUsers.ADMIN)).stream()
                .filter(u -> u.get("username").asString().equals(username))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asString());
    }

    private JsonNode user(String username) {
        return ok(api.get("/api/v1/users/" + userId(username), token(DemoUsers.ADMIN)));
    }

    private long unread(String username) {
        return ok(api.get(INBOX + "/unread-count", token(username)))
                .get("unread")
                .asLong();
    }

    private void readAll(String username) {
        ok(api.post(INBOX + "/read-all", Map.of(), token(username)));
    }

    /** The user's notifications about one subject, newest first. */
    private List<JsonNode> about(String username, UUID subjectId) {
        return allItems(INBOX, token(username)).stream()
                .filter(n -> n.get("subjectId").asString().equals(subjectId.toString()))
                .toList();
    }

    private JsonNode onlyOne(String username, UUID subjectId) {
        List<JsonNode> found = about(username, subjectId);
        assertThat(found).as("%s's notifications about %s", username, subjectId).hasSize(1);
        return found.get(0);
    }

    private static String kind(JsonNode notification) {
        return notification.get("kind").asString();
    }

    private static String text(JsonNode notification) {
        return notification.get("text").asString();
    }

    private FlagRaised redFlagInRenzhuang() {
        return new FlagRaised(
                UUID.randomUUID(),
                new RegionCode(Villages.RENZHUANG),
                RiskLevel.RED,
                userId(DemoUsers.DIRECTOR_RENZHUANG));
    }

    @Test
    void aSubmittedPlanAsksTheHeadForApprovalAndTheDecisionGoesBackToTheWorker() {
        readAll(HEAD);
        readAll(WORKER);
        UUID child = registry.registerId(WORKER, aLeftBehindChild().inVillage(Villages.RENZHUANG));
        JsonNode c = cases.assessing(WORKER, child);
        cases.signedChildAssessment(WORKER, child, c);
        c = cases.confirmRisk(WORKER, cases.get(WORKER, c), "RED");
        UUID caseId = UUID.fromString(id(c));
        String number = c.get("caseNumber").asString();

        JsonNode plan = plans.submitted(WORKER, c);

        assertThat(unread(HEAD)).isEqualTo(1);
        JsonNode request = onlyOne(HEAD, caseId);
        assertThat(kind(request)).isEqualTo("APPROVAL_REQUESTED");
        assertThat(text(request)).contains(number).contains("服务计划");
        assertThat(request.get("subjectType").asString()).isEqualTo("CASE");
        assertThat(request.get("link").asString()).isEqualTo("/api/v1/cases/" + caseId);
        assertThat(request.get("read").asBoolean()).isFalse();
        assertThat(request.get("messageKey").asString()).isEqualTo("notification.kind.APPROVAL_REQUESTED");
        assertThat(kind(onlyOne(COUNTY, caseId))).isEqualTo("APPROVAL_REQUESTED");
        // the worker asked: they are not told of their own request
        assertThat(unread(WORKER)).isZero();
        assertThat(about(DemoUsers.STATION_NANZHANG, caseId)).isEmpty();

        String english = list(
                        ok(api.get(INBOX + "?unread=true", token(HEAD), "en")).get("items"))
                .stream()
                .filter(n -> n.get("subjectId").asString().equals(caseId.toString()))
                .map(NotificationsIT::text)
                .findFirst()
                .orElseThrow();
        assertThat(english).isEqualTo("The service plan of case " + number + " is waiting for approval.");

        ok(api.post("/api/v1/plans/" + id(plan) + "/approve", Map.of(), token(HEAD), Cases.etag(plan)));

        assertThat(unread(WORKER)).isEqualTo(1);
        JsonNode decided = onlyOne(WORKER, caseId);
        assertThat(kind(decided)).isEqualTo("APPROVAL_DECIDED");
        assertThat(text(decided)).contains(number).contains("已批准");
        // the head decided: only their request is in their inbox
        assertThat(about(HEAD, caseId)).hasSize(1);
    }

    @Test
    void aClosureRequestAndItsReturnAreNotified() {
        UUID child = registry.registerId(WORKER, aLeftBehindChild().inVillage(Villages.RENZHUANG));
        JsonNode c = cases.assessing(WORKER, child);
        cases.signedChildAssessmentWithoutConcern(WORKER, child, c);
        c = cases.confirmRisk(WORKER, cases.get(WORKER, c), "GREEN");
        plans.submitted(WORKER, c);
        c = cases.get(WORKER, c);
        assertThat(c.get("state").asString()).isEqualTo("ACTIVE");
        UUID caseId = UUID.fromString(id(c));
        // a green plan needs no review: nobody was asked
        assertThat(about(HEAD, caseId)).isEmpty();

        c = cases.step(WORKER, c, Map.of("action", "EVALUATE", "reason", "目标达成"));
        c = cases.step(
                WORKER,
                c,
                Map.of("action", "REQUEST_CLOSURE", "closureReason", "GOALS_MET", "followUpPlan", "1个月后电话回访"));
        JsonNode request = onlyOne(HEAD, caseId);
        assertThat(kind(request)).isEqualTo("APPROVAL_REQUESTED");
        assertThat(text(request)).contains("结案申请");

        cases.step(HEAD, c, Map.of("action", "RETURN_CLOSURE", "reason", "补充回访安排"));
        JsonNode returned = onlyOne(WORKER, caseId);
        assertThat(kind(returned)).isEqualTo("APPROVAL_DECIDED");
        assertThat(text(returned)).contains("结案申请").contains("被退回");
    }

    @Test
    void aRedFlagReachesTheTownshipStationAndTheCountyButNoOneElse() {
        FlagRaised flag = redFlagInRenzhuang();

        publish(flag);

        for (String told : List.of(WORKER, HEAD, COUNTY)) {
            JsonNode n = onlyOne(told, flag.flagId());
            assertThat(kind(n)).isEqualTo("FLAG_RAISED");
            assertThat(text(n)).contains("任庄").contains("红色");
            assertThat(n.get("link").asString()).isEqualTo("/api/v1/flags/" + flag.flagId());
        }
        for (String notTold : List.of(
                DemoUsers.STATION_NANZHANG,
                DemoUsers.DIRECTOR_CAOZHAI,
                DemoUsers.DIRECTOR_RENZHUANG,
                DemoUsers.LIAISON,
                DemoUsers.ADMIN)) {
            assertThat(about(notTold, flag.flagId())).as(notTold).isEmpty();
        }
    }

    @Test
    void anOrangeFlagStaysWithTheStation() {
        FlagRaised flag = new FlagRaised(
                UUID.randomUUID(),
                new RegionCode(Villages.RENZHUANG),
                RiskLevel.ORANGE,
                userId(DemoUsers.DIRECTOR_RENZHUANG));

        publish(flag);

        assertThat(about(WORKER, flag.flagId())).hasSize(1);
        assertThat(about(COUNTY, flag.flagId())).isEmpty();
        assertThat(sms.sent()).isEmpty();
    }

    @Test
    void onlyTheReporterHearsOfTheTriage() {
        UUID flagId = UUID.randomUUID();

        publish(new FlagTriaged(
                flagId,
                new RegionCode(Villages.RENZHUANG),
                userId(DemoUsers.DIRECTOR_RENZHUANG),
                FlagOutcome.CASE_OPENED));

        JsonNode n = onlyOne(DemoUsers.DIRECTOR_RENZHUANG, flagId);
        assertThat(kind(n)).isEqualTo("FLAG_TRIAGED");
        assertThat(text(n)).contains("已立案");
        for (String notTold : List.of(WORKER, HEAD, COUNTY, DemoUsers.DIRECTOR_CAOZHAI)) {
            assertThat(about(notTold, flagId)).as(notTold).isEmpty();
        }
    }

    @Test
    void aReferralSentToTheWomensFederationReachesItsLiaison() {
        UUID fulian =
                UUID.fromString(user(DemoUsers.LIAISON).get("organisationId").asString());
        UUID referral = UUID.randomUUID();

        publish(new ReferralStatusChanged(
                referral, null, userId(WORKER), UUID.randomUUID(), fulian, ReferralStatus.SENT));

        JsonNode n = onlyOne(DemoUsers.LIAISON, referral);
        assertThat(kind(n)).isEqualTo("REFERRAL_RECEIVED");
        assertThat(n.get("link").asString()).isEqualTo("/api/v1/referrals/" + referral);
        assertThat(about(WORKER, referral)).isEmpty();

        publish(new ReferralStatusChanged(
                referral, null, userId(WORKER), UUID.randomUUID(), fulian, ReferralStatus.ACCEPTED));

        JsonNode accepted = onlyOne(WORKER, referral);
        assertThat(kind(accepted)).isEqualTo("REFERRAL_STATUS_CHANGED");
        assertThat(text(accepted)).contains("已接收");
    }

    @Test
    void notificationsAreMarkedReadOneByOneOrAllAtOnceAndOnlyByTheirRecipient() {
        readAll(WORKER);
        FlagRaised first = redFlagInRenzhuang();
        FlagRaised second = redFlagInRenzhuang();
        publish(first);
        publish(second);
        assertThat(unread(WORKER)).isEqualTo(2);
        String firstId = id(onlyOne(WORKER, first.flagId()));

        Response read = api.post(INBOX + "/" + firstId + "/read", Map.of(), token(WORKER));
        assertThat(ok(read).get("read").asBoolean()).isTrue();
        assertThat(read.body().get("readAt").isNull()).isFalse();
        assertThat(unread(WORKER)).isEqualTo(1);
        List<JsonNode> unreadOnes =
                list(ok(api.get(INBOX + "?unread=true", token(WORKER))).get("items"));
        assertThat(unreadOnes)
                .extracting(n -> n.get("subjectId").asString())
                .containsExactly(second.flagId().toString());
        // reading again changes nothing
        assertThat(ok(api.post(INBOX + "/" + firstId + "/read", Map.of(), token(WORKER)))
                        .get("readAt"))
                .isEqualTo(read.body().get("readAt"));

        // the head has a notification of the same flag, but not this one: it reads as not found
        Response foreign = api.post(INBOX + "/" + firstId + "/read", Map.of(), token(HEAD));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body().get("code").asString()).isEqualTo("error.notFound");
        assertThat(api.post(INBOX + "/" + UUID.randomUUID() + "/read", Map.of(), token(WORKER))
                        .status())
                .isEqualTo(404);

        assertThat(ok(api.post(INBOX + "/read-all", Map.of(), token(WORKER)))
                        .get("marked")
                        .asInt())
                .isEqualTo(1);
        assertThat(unread(WORKER)).isZero();
        assertThat(about(HEAD, first.flagId()).get(0).get("read").asBoolean()).isFalse();
    }

    @Test
    void everyUserHasAnInboxButNoAnonymousCaller() {
        assertThat(api.get(INBOX + "/unread-count", token(DemoUsers.LIAISON)).status())
                .isEqualTo(200);
        assertThat(api.get(INBOX, token(DemoUsers.ADMIN)).status()).isEqualTo(200);
        assertThat(api.get(INBOX + "/unread-count", null).status()).isEqualTo(401);
    }

    @Test
    void aRedFlagIsTextedAfterCommitToRecipientsWithAPhone() {
        UUID head = userId(HEAD);
        ok(api.post("/api/v1/users/" + head + "/phone", Map.of("phone", "138 0000 1234"), token(DemoUsers.ADMIN)));
        try {
            assertThat(user(HEAD).get("maskedPhone").asString()).isEqualTo("138****1234");

            publish(redFlagInRenzhuang());

            assertThat(sms.sent()).hasSize(1);
            assertThat(sms.sent().get(0).phone()).isEqualTo("13800001234");
            assertThat(sms.sent().get(0).text()).contains("任庄").contains("红色");

            // a change that rolls back leaves neither a notification nor an SMS
            FlagRaised rolledBack = redFlagInRenzhuang();
            transactions.executeWithoutResult(status -> {
                events.publishEvent(rolledBack);
                status.setRollbackOnly();
            });
            assertThat(about(HEAD, rolledBack.flagId())).isEmpty();
            assertThat(sms.sent()).hasSize(1);
        } finally {
            ok(api.post("/api/v1/users/" + head + "/phone", Map.of("phone", ""), token(DemoUsers.ADMIN)));
        }
        assertThat(user(HEAD).get("maskedPhone").isNull()).isTrue();
    }

    @Test
    void aFailingSmsGatewayNeverUndoesTheChange() {
        UUID head = userId(HEAD);
        ok(api.post("/api/v1/users/" + head + "/phone", Map.of("phone", "13800001234"), token(DemoUsers.ADMIN)));
        try {
            sms.failing(true);
            FlagRaised flag = redFlagInRenzhuang();

            assertThatCode(() -> publish(flag)).doesNotThrowAnyException();

            assertThat(sms.sent()).isEmpty();
            assertThat(kind(onlyOne(HEAD, flag.flagId()))).isEqualTo("FLAG_RAISED");
        } finally {
            ok(api.post("/api/v1/users/" + head + "/phone", Map.of("phone", ""), token(DemoUsers.ADMIN)));
        }
    }

    @Test
    void escalationsGoToTheirTierAndAreTexted() {
        UUID head = userId(HEAD);
        ok(api.post("/api/v1/users/" + head + "/phone", Map.of("phone", "13800005678"), token(DemoUsers.ADMIN)));
        try {
            UUID flagId = UUID.randomUUID();
            RegionCode renzhuang = new RegionCode(Villages.RENZHUANG);

            publish(new FlagEscalated(flagId, renzhuang, RiskLevel.ORANGE, EscalationTier.STATION_HEAD));

            JsonNode n = onlyOne(HEAD, flagId);
            assertThat(kind(n)).isEqualTo("FLAG_ESCALATED");
            assertThat(text(n)).contains("橙色").contains("社工站站长");
            assertThat(about(WORKER, flagId)).isEmpty();
            assertThat(about(COUNTY, flagId)).isEmpty();
            assertThat(sms.sent()).extracting(RecordingSmsSender.Sms::phone).containsExactly("13800005678");

            publish(new FlagEscalated(flagId, renzhuang, RiskLevel.ORANGE, EscalationTier.COUNTY_SUPERVISOR));

            assertThat(text(onlyOne(COUNTY, flagId))).contains("县级督导");
            assertThat(about(HEAD, flagId)).hasSize(1);

            UUID referral = UUID.randomUUID();
            UUID guyangStation =
                    UUID.fromString(user(HEAD).get("organisationId").asString());
            UUID fulian = UUID.fromString(
                    user(DemoUsers.LIAISON).get("organisationId").asString());
            publish(new ReferralEscalated(referral, userId(WORKER), guyangStation, fulian));

            assertThat(kind(onlyOne(WORKER, referral))).isEqualTo("REFERRAL_ESCALATED");
            assertThat(kind(onlyOne(HEAD, referral))).isEqualTo("REFERRAL_ESCALATED");
            assertThat(about(DemoUsers.LIAISON, referral)).isEmpty();
            assertThat(sms.sent()).hasSize(2);
        } finally {
            ok(api.post("/api/v1/users/" + head + "/phone", Map.of("phone", ""), token(DemoUsers.ADMIN)));
        }
    }

    @Test
    void theInboxIsDocumentedInOpenApi() {
        JsonNode paths = ok(api.get("/v3/api-docs", null)).get("paths");
        assertThat(paths.has(INBOX)).isTrue();
        assertThat(paths.has(INBOX + "/unread-count")).isTrue();
        assertThat(paths.has(INBOX + "/{id}/read")).isTrue();
        assertThat(paths.has(INBOX + "/read-all")).isTrue();
        assertThat(paths.has("/api/v1/users/{id}/phone")).isTrue();
    }

    @Test
    void anAdministratorRefusesAMalformedPhone() {
        Response r =
                api.post("/api/v1/users/" + userId(HEAD) + "/phone", Map.of("phone", "12345"), token(DemoUsers.ADMIN));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("code").asString()).isEqualTo("client.phone.invalid");
        assertThat(api.post("/api/v1/users/" + userId(HEAD) + "/phone", Map.of("phone", "13800001234"), token(HEAD))
                        .status())
                .isEqualTo(403);
    }
}
