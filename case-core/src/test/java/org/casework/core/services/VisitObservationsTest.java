package org.casework.core.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.casework.core.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class VisitObservationsTest {

    private static InvalidInputException refusal(Map<String, Object> observations) {
        try {
            VisitObservations.toJson(observations);
        } catch (InvalidInputException e) {
            assertThat(e.getField()).isEqualTo("observations");
            return e;
        }
        throw new AssertionError("accepted: " + observations);
    }

    @Test
    void flatAnswersRoundTripInOrder() {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("childAtHome", true);
        in.put("mealsToday", 3);
        in.put("temperature", 36.6);
        in.put("mood", "情绪稳定");
        in.put("note", "x".repeat(200));
        String json = VisitObservations.toJson(in);
        Map<String, Object> back = VisitObservations.fromJson(json);
        assertThat(back.keySet()).containsExactly("childAtHome", "mealsToday", "temperature", "mood", "note");
        assertThat(back.get("childAtHome")).isEqualTo(true);
        assertThat(((Number) back.get("mealsToday")).intValue()).isEqualTo(3);
        assertThat(((Number) back.get("temperature")).doubleValue()).isEqualTo(36.6);
        assertThat(back.get("mood")).isEqualTo("情绪稳定");
    }

    @Test
    void noneIsNull() {
        assertThat(VisitObservations.toJson(null)).isNull();
        assertThat(VisitObservations.toJson(Map.of())).isNull();
        assertThat(VisitObservations.fromJson(null)).isEmpty();
    }

    @Test
    void twentyKeysAtMost() {
        Map<String, Object> twenty = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            twenty.put("k" + i, i);
        }
        assertThat(VisitObservations.toJson(twenty)).isNotNull();
        twenty.put("k20", 20);
        assertThat(refusal(twenty).getMessageKey()).isEqualTo("service.observations.tooMany");
    }

    @Test
    void longTextsListsObjectsNullsAndBadKeysAreRefusedNamingTheKey() {
        InvalidInputException tooLong = refusal(Map.of("mood", "x".repeat(201)));
        assertThat(tooLong.getMessageKey()).isEqualTo("service.observations.textTooLong");
        assertThat(tooLong.getArguments()).containsExactly("mood", 200);
        assertThat(refusal(Map.of("meals", List.of(1, 2))).getMessageKey()).isEqualTo("service.observations.value");
        assertThat(refusal(Map.of("home", Map.of("a", 1))).getArguments()).containsExactly("home");
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("guardian", null);
        assertThat(refusal(withNull).getMessageKey()).isEqualTo("service.observations.value");
        assertThat(refusal(Map.of(" ", true)).getMessageKey()).isEqualTo("service.observations.key");
        assertThat(refusal(Map.of("k".repeat(51), true)).getMessageKey()).isEqualTo("service.observations.key");
    }

    @Test
    void aServiceRecordKeepsItsObservations() {
        ServiceRecord r = new ServiceRecord(
                java.util.UUID.randomUUID(),
                null,
                new ServiceRecord.Details(
                        ServiceType.HOME_VISIT,
                        java.time.Instant.parse("2026-11-20T01:00:00Z"),
                        30,
                        null,
                        null,
                        "走访",
                        null),
                Map.of("childAtHome", false),
                "director-renzhuang",
                java.time.Instant.parse("2026-11-27T02:00:00Z"));
        assertThat(r.getObservations()).containsEntry("childAtHome", false);
        assertThatThrownBy(() -> new ServiceRecord(
                        java.util.UUID.randomUUID(),
                        null,
                        new ServiceRecord.Details(
                                ServiceType.HOME_VISIT,
                                java.time.Instant.parse("2026-11-20T01:00:00Z"),
                                30,
                                null,
                                null,
                                "走访",
                                null),
                        Map.of("x", List.of()),
                        "director-renzhuang",
                        java.time.Instant.parse("2026-11-27T02:00:00Z")))
                .isInstanceOf(InvalidInputException.class);
    }
}
