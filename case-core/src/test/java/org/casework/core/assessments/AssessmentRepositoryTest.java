package org.casework.core.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.casework.core.shared.FieldCipher;
import org.casework.core.shared.RiskLevel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The V3 migration and the entity agree (ddl-auto=validate starts the context), and answers and
 * results survive the trip through the database unchanged.
 */
@DataJpaTest
@Import(FieldCipher.class) // the client entity's encrypted columns need it
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class AssessmentRepositoryTest {

    @Autowired
    AssessmentRepository repository;

    @Autowired
    EntityManager entityManager;

    @Autowired
    JdbcTemplate jdbc;

    private UUID clientId;

    @BeforeEach
    void aClient() {
        clientId = TestClients.insert(jdbc);
    }

    private static Map<String, Object> tekunAnswers() {
        return Instruments.answers(
                "eating", true,
                "dressing", false,
                "bed_transfer", true,
                "toileting", false,
                "indoor_walking", true,
                "bathing", false,
                "notes", "女儿每周回来两次，邻居代为送饭。");
    }

    private Assessment reloaded(Assessment assessment) {
        repository.saveAndFlush(assessment);
        entityManager.clear();
        return repository.findById(assessment.getId()).orElseThrow();
    }

    @Test
    void answersAndResultSurviveTheDatabase() {
        Assessment assessment = Assessment.start(clientId, null, Instruments.TEKUN);
        AssessmentAnswers answers = AssessmentAnswers.complete(Instruments.TEKUN, tekunAnswers());
        assessment.answer(answers, Instruments.CATALOG.score(answers));
        assessment.summarise("三项不能自理，部分丧失生活自理能力。");

        Assessment loaded = reloaded(assessment);

        assertThat(loaded.getAnswers()).isEqualTo(answers.toStorable());
        assertThat(loaded.result()).isEqualTo(Instruments.CATALOG.score(answers));
        assertThat(loaded.getOutcome()).isEqualTo("PARTLY_LOST");
        assertThat(loaded.getSummary()).isEqualTo("三项不能自理，部分丧失生活自理能力。");
        assertThat(loaded.getVersion()).isZero();
    }

    @Test
    void numbersAndDatesReadBackAsTheSameAnswers() {
        Assessment assessment = Assessment.start(clientId, UUID.randomUUID(), Instruments.HOUSEHOLD);
        AssessmentAnswers answers = AssessmentAnswers.draft(
                Instruments.HOUSEHOLD,
                Instruments.answers("visit_date", "2026-11-20", "members_count", 4, "monthly_income_yuan", "1250.50"));
        assessment.answer(answers, null);

        Assessment loaded = reloaded(assessment);

        // Equal as stored, not only after re-checking: the history compares stored values to spot changes.
        assertThat(loaded.getAnswers()).isEqualTo(answers.toStorable());
        assertThat(AssessmentAnswers.draft(Instruments.HOUSEHOLD, loaded.getAnswers()))
                .isEqualTo(answers);
        assertThat(loaded.getAnswers().get("monthly_income_yuan")).isEqualTo(new BigDecimal("1250.5"));
        assertThat(loaded.isComplete()).isFalse();
        assertThat(loaded.result()).isNull();
    }

    @Test
    void aProposedRiskAndItsTriggersArePersisted() {
        Assessment assessment = Assessment.start(clientId, null, Instruments.CHILD);
        Map<String, Object> values = Instruments.childWithoutConcern();
        values.put("mr_organised_begging", true);
        values.put("self_harm_risk", true);
        AssessmentAnswers answers = AssessmentAnswers.complete(Instruments.CHILD, values);
        assessment.answer(answers, Instruments.CATALOG.score(answers));
        assessment.summarise("被组织乞讨，已报警。");
        assessment.sign("zhang.wei", Instant.parse("2026-11-27T02:00:00Z"));

        Assessment loaded = reloaded(assessment);

        assertThat(loaded.getProposedRisk()).isEqualTo(RiskLevel.RED);
        assertThat(loaded.isMandatoryReport()).isTrue();
        assertThat(loaded.triggerList()).containsExactly("mr_organised_begging", "self_harm_risk");
        assertThat(loaded.isSigned()).isTrue();
        assertThat(loaded.getSignedAt()).isEqualTo(Instant.parse("2026-11-27T02:00:00Z"));
    }

    @Test
    void anAssessmentIsSupersededAtMostOnce() {
        Assessment first = Assessment.start(clientId, null, Instruments.TEKUN);
        AssessmentAnswers answers = AssessmentAnswers.complete(Instruments.TEKUN, tekunAnswers());
        first.answer(answers, Instruments.CATALOG.score(answers));
        first.summarise("summary");
        first.sign("zhang.wei", Instant.now());
        repository.saveAndFlush(first);
        repository.saveAndFlush(first.reassess(Instruments.TEKUN));

        assertThat(repository.findBySupersedes(first.getId())).isPresent();
        assertThatThrownBy(() -> repository.saveAndFlush(first.reassess(Instruments.TEKUN)))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void anAssessmentNeedsAnExistingClient() {
        Assessment orphan = Assessment.start(UUID.randomUUID(), null, Instruments.TEKUN);

        assertThatThrownBy(() -> repository.saveAndFlush(orphan)).isInstanceOf(DataIntegrityViolationException.class);
    }
}
