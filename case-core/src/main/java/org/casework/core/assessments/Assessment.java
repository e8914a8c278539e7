package org.casework.core.assessments;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.casework.core.shared.AbstractAggregate;
import org.casework.core.shared.ConflictException;
import org.casework.core.shared.EncryptedStringConverter;
import org.casework.core.shared.FreeText;
import org.casework.core.shared.InvalidInputException;
import org.casework.core.shared.RiskLevel;

/**
 * One use of an instrument for one client: the answers, the result the server computed from them,
 * the worker's summary (预估摘要) and, once signed, who vouched for it. A signed assessment is
 * evidence and never changes; a reassessment is a new assessment that names the one it supersedes.
 */
@Entity
@Table(name = "assessment")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Assessment extends AbstractAggregate {

    public static final int SUMMARY_MAX_LENGTH = 4000;

    @Column(nullable = false, columnDefinition = "BINARY(16)")
    private UUID clientId;

    /** The case it was made for; null for registry assessments (e.g. the yearly 特困 review). */
    @Column(columnDefinition = "BINARY(16)")
    private UUID caseId;

    @Column(nullable = false, length = 60)
    private String instrumentCode;

    @Column(nullable = false)
    private int instrumentVersion;

    /** Encrypted at rest (JSON inside the ciphertext). */
    @Convert(converter = AnswersJsonConverter.class)
    @Column(name = "answers_enc", nullable = false, columnDefinition = "TEXT")
    private Map<String, Object> answers = new LinkedHashMap<>();

    /** Every answer the instrument and its policy need is given; only then is there a result. */
    @Column(nullable = false)
    private boolean complete;

    private Integer totalScore;

    @Column(length = 40)
    private String outcome;

    @Enumerated(EnumType.STRING)
    @Column(length = 10)
    private RiskLevel proposedRisk;

    @Column(nullable = false)
    private boolean mandatoryReport;

    /**
     * Item codes or rule names, comma-separated (codes never contain commas). Encrypted at rest: the
     * codes name what happened to the child (e.g. which mandatory-report situation was found).
     */
    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "triggers_enc", columnDefinition = "TEXT")
    private String triggers;

    /** How the result was computed (e.g. the age the rules used), comma-separated. */
    @Column(name = "result_notes", length = 300)
    private String resultNotes;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "summary_enc", columnDefinition = "TEXT")
    private String summary;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private AssessmentStatus status;

    @Column(length = 64)
    private String signedBy;

    private Instant signedAt;

    @Column(columnDefinition = "BINARY(16)")
    private UUID supersedes;

    private Assessment(UUID clientId, UUID caseId, InstrumentKey instrument, UUID supersedes) {
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.caseId = caseId;
        this.instrumentCode = instrument.code();
        this.instrumentVersion = instrument.version();
        this.supersedes = supersedes;
        this.status = AssessmentStatus.DRAFT;
    }

    /** A first, empty draft of the instrument for the client. */
    public static Assessment start(UUID clientId, UUID caseId, InstrumentDefinition instrument) {
        return new Assessment(clientId, caseId, instrument.key(), null);
    }

    /**
     * A new empty draft that supersedes this signed assessment, made with the given (newest)
     * version of the same instrument. It starts empty on purpose: carried-over answers would be
     * signed again without anyone looking at the person.
     */
    public Assessment reassess(InstrumentDefinition newest) {
        if (status != AssessmentStatus.SIGNED) {
            throw new ConflictException("assessment.reassess.notSigned");
        }
        if (!newest.code().equals(instrumentCode)) {
            throw new IllegalArgumentException("a reassessment uses the same instrument");
        }
        return new Assessment(clientId, caseId, newest.key(), getId());
    }

    /**
     * Replaces the answers with checked ones and the result computed from them. The result is null
     * while answers are missing, including answers a policy needs only in some situations (the
     * carer of a child whose parents are away). Returns the item codes whose answer changed.
     */
    public List<String> answer(AssessmentAnswers checked, ScoringResult result) {
        requireDraft();
        if (!checked.instrument().key().equals(instrument())) {
            throw new IllegalArgumentException(
                    "answers of " + checked.instrument().key() + " given to " + instrument());
        }
        if (result != null && !checked.isComplete()) {
            throw new IllegalArgumentException("incomplete answers have no result");
        }
        Map<String, Object> stored = checked.toStorable();
        Set<String> changed = new LinkedHashSet<>();
        Set<String> codes = new LinkedHashSet<>(answers.keySet());
        codes.addAll(stored.keySet());
        for (String code : codes) {
            if (!Objects.equals(answers.get(code), stored.get(code))) {
                changed.add(code);
            }
        }
        this.answers = stored;
        this.complete = result != null;
        this.totalScore = result == null ? null : result.totalScore();
        this.outcome = result == null ? null : result.outcome();
        this.proposedRisk = result == null ? null : result.proposedRisk();
        this.mandatoryReport = result != null && result.mandatoryReport();
        this.triggers = result == null || result.triggers().isEmpty() ? null : String.join(",", result.triggers());
        this.resultNotes = result == null || result.notes().isEmpty() ? null : String.join(",", result.notes());
        return new ArrayList<>(changed);
    }

    /** The worker's 预估摘要: what the answers mean for this person and what should happen next. */
    public void summarise(String text) {
        requireDraft();
        String stripped = text == null ? null : text.strip();
        FreeText.checkCharacters("summary", stripped, true);
        if (stripped != null && stripped.length() > SUMMARY_MAX_LENGTH) {
            throw new InvalidInputException("summary", "assessment.summary.tooLong", SUMMARY_MAX_LENGTH);
        }
        this.summary = stripped == null || stripped.isEmpty() ? null : stripped;
    }

    /** Signs a complete, summarised draft; from now on nothing about it changes. */
    public void sign(String by, Instant at) {
        requireDraft();
        if (!complete) {
            throw new InvalidInputException("answers", "assessment.sign.incomplete");
        }
        if (summary == null) {
            throw new InvalidInputException("summary", "assessment.summary.required");
        }
        this.status = AssessmentStatus.SIGNED;
        this.signedBy = Objects.requireNonNull(by, "by");
        this.signedAt = Objects.requireNonNull(at, "at");
    }

    public InstrumentKey instrument() {
        return new InstrumentKey(instrumentCode, instrumentVersion);
    }

    public boolean isSigned() {
        return status == AssessmentStatus.SIGNED;
    }

    /** The computed result, or null while the answers are incomplete. */
    public ScoringResult result() {
        if (!complete) {
            return null;
        }
        return new ScoringResult(totalScore, outcome, proposedRisk, mandatoryReport, triggerList(), resultNoteList());
    }

    public List<String> triggerList() {
        return triggers == null ? List.of() : List.of(triggers.split(","));
    }

    public List<String> resultNoteList() {
        return resultNotes == null ? List.of() : List.of(resultNotes.split(","));
    }

    public Map<String, Object> getAnswers() {
        return Collections.unmodifiableMap(answers);
    }

    private void requireDraft() {
        if (status == AssessmentStatus.SIGNED) {
            throw new ConflictException("assessment.signed.immutable");
        }
    }
}
