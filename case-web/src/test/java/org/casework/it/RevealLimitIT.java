package org.casework.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casework.it.fixtures.ClientBuilder.aLeftBehindChild;
import static org.casework.it.fixtures.DemoUsers.COUNTY_SUPERVISOR;
import static org.casework.it.fixtures.DemoUsers.HEAD_GUYANG;
import static org.casework.it.fixtures.DemoUsers.LIAISON;
import static org.casework.it.fixtures.DemoUsers.STATION_GUYANG;
import static org.casework.it.fixtures.DemoUsers.STATION_NANZHANG;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.casework.core.security.Role;
import org.casework.it.Api.Response;
import org.casework.it.fixtures.UserBuilder;
import org.casework.it.fixtures.Villages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * PIPL: one worker revealed 98 full ID numbers in 0.8 s. Reveals are limited per user and period
 * (20 an hour by default): the one over the limit is refused with 429, logged, and the station head
 * is told once; the access log shows who saw whose numbers, to supervisors, and to each worker
 * their own. Each test uses a worker of its own, so the demo users' counts are untouched.
 */
class RevealLimitIT extends ApiTest {

    private static final int LIMIT = 20;

    private UUID child;

    @BeforeAll
    void aChildOfGuyang() {
        child = registry.registerId(STATION_GUYANG, aLeftBehindChild().withPhone("13912345678"));
    }

    @Test
    void theRevealOverTheLimitIsRefusedLoggedAndTheStationHeadIsToldOnce() {
        UserBuilder worker = UserBuilder.aStationWorker().displayed("堌阳镇社工 赵敏");
        UUID workerId = registry.createUser(worker);
        String token = api.tokenFor(worker.username(), worker.password());

        for (int i = 0; i < LIMIT; i++) {
            Response r = reveal(token, "zh-CN");
            assertThat(r.status()).as("reveal %d: %s", i + 1, r.raw().body()).isEqualTo(200);
        }
        Response refused = reveal(token, "en");
        Response again = reveal(token, "zh-CN");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.header("Retry-After")).matches("\\d+");
        assertThat(refused.body().get("code").asString()).isEqualTo("client.reveal.tooMany");
        assertThat(refused.body().get("detail").asString()).contains("20").contains("60 minutes");
        assertThat(refused.raw().body()).doesNotContain("13912345678");
        assertThat(again.status()).isEqualTo(429);
        assertThat(again.body().get("detail").asString()).contains("上限");

        List<JsonNode> alerts = allItems("/api/v1/notifications", token(HEAD_GUYANG)).stream()
                .filter(n -> n.get("kind").asString().equals("REVEAL_LIMIT_REACHED"))
                .filter(n -> n.get("subjectId").asString().equals(workerId.toString()))
                .toList();
        assertThat(alerts).as("one alert however many refusals").hasSize(1);
        // by the name the head knows, with the login the access log is searched by
        assertThat(alerts.get(0).get("text").asString()).contains("堌阳镇社工 赵敏 (" + worker.username() + ")");
        assertThat(alerts.get(0).get("link").asString()).isEqualTo("/api/v1/audit/reveals?userId=" + workerId);

        List<JsonNode> log = allItems("/api/v1/audit/reveals?userId=" + workerId, token(COUNTY_SUPERVISOR));
        assertThat(log).hasSize(LIMIT + 2);
        assertThat(log).allSatisfy(e -> {
            assertThat(e.get("user").asString()).isEqualTo(worker.username());
            assertThat(e.get("clientId").asString()).isEqualTo(child.toString());
            assertThat(e.get("reason").asString()).isEqualTo("核实监护人电话");
        });
        assertThat(log.stream().filter(e -> e.get("outcome").asString().equals("REFUSED")))
                .hasSize(2);
        assertThat(log.get(0).get("outcome").asString()).as("newest first").isEqualTo("REFUSED");
    }

    @Test
    void parallelRevealsCannotSlipPastTheLimit() throws Exception {
        UserBuilder worker = UserBuilder.aStationWorker();
        registry.createUser(worker);
        String token = api.tokenFor(worker.username(), worker.password());

        List<Integer> statuses = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                answers.add(pool.submit(() -> reveal(token, "zh-CN").status()));
            }
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(LIMIT);
        assertThat(statuses.stream().filter(s -> s == 429)).hasSize(40 - LIMIT);
    }

    @Test
    void theAccessLogIsScopedWorkersSeeTheirOwnAndLiaisonsNothing() {
        UserBuilder worker = UserBuilder.aStationWorker().displayed("堌阳镇社工 赵敏");
        UUID workerId = registry.createUser(worker);
        String token = api.tokenFor(worker.username(), worker.password());
        assertThat(reveal(token, "zh-CN").status()).isEqualTo(200);
        assertThat(reveal(token(STATION_GUYANG), "zh-CN").status()).isEqualTo(200);

        List<JsonNode> own = allItems("/api/v1/audit/reveals", token);
        assertThat(own)
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.get("user").asString()).isEqualTo(worker.username()));
        assertThat(allItems("/api/v1/audit/reveals", token(HEAD_GUYANG)))
                .extracting(e -> e.get("user").asString())
                .contains(worker.username(), STATION_GUYANG);
        // another township's head sees nothing about Guyang's clients, its workers only their own
        UserBuilder otherHead =
                UserBuilder.aStationWorker().withRole(Role.STATION_HEAD).in(Villages.NANZHANG);
        registry.createUser(otherHead);
        assertThat(allItems(
                        "/api/v1/audit/reveals?userId=" + workerId,
                        api.tokenFor(otherHead.username(), otherHead.password())))
                .isEmpty();
        assertThat(allItems("/api/v1/audit/reveals?userId=" + workerId, token(STATION_NANZHANG)))
                .isEmpty();
        Response liaison = api.get("/api/v1/audit/reveals", token(LIAISON));
        assertThat(liaison.status()).isEqualTo(403);
        assertThat(liaison.header("Content-Type")).startsWith("application/problem+json");
    }

    private Response reveal(String token, String language) {
        return api.postRaw(
                "/api/v1/clients/" + child + "/reveal", Api.json(Map.of("reason", "核实监护人电话")), token, language);
    }
}
