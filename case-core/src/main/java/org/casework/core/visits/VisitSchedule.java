package org.casework.core.visits;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.casework.core.shared.RiskLevel;

/**
 * A client's next due visit, kept up to date by {@link VisitScheduleService} so that worklists read
 * one indexed row per client instead of applying the rules to every client on every request. Derived
 * data: it can always be recomputed from the registry, the cases and the service records.
 */
@Entity
@Table(name = "visit_schedule")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class VisitSchedule {

    @Id
    @Column(columnDefinition = "BINARY(16)")
    private UUID clientId;

    /** The client's residence village: worklists scope on it by prefix. */
    @Column(nullable = false, length = 12)
    private String regionCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "visit_level", nullable = false, length = 10)
    private RiskLevel level;

    /** The level's place in RiskLevel order (0 = red), for sorting in SQL. */
    @Column(nullable = false)
    private int levelRank;

    private LocalDate lastVisitOn;

    @Column(nullable = false)
    private LocalDate nextDueOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private DueRule dueRule;

    /** What drives the level (see {@link RiskSignal}); null in rows written before it was kept. */
    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private LevelSource levelSource;

    @Column(length = 40)
    private String levelReference;

    /** The driving signal's rule codes, comma-separated. */
    @Column(length = 500)
    private String levelTriggers;

    @Column(nullable = false)
    private Instant refreshedAt;

    VisitSchedule(UUID clientId) {
        this.clientId = clientId;
    }

    void update(String residenceRegionCode, VisitDue due, Instant now) {
        apply(Content.of(residenceRegionCode, due), now);
    }

    void apply(Content content, Instant now) {
        this.regionCode = content.regionCode();
        this.level = content.level();
        this.levelRank = content.levelRank();
        this.lastVisitOn = content.lastVisitOn();
        this.nextDueOn = content.nextDueOn();
        this.dueRule = content.dueRule();
        this.levelSource = content.levelSource();
        this.levelReference = content.levelReference();
        this.levelTriggers = content.levelTriggers();
        this.refreshedAt = now;
    }

    /** What the row says now (its columns but the refresh time), to tell whether a refresh changes it. */
    Content content() {
        return new Content(
                regionCode,
                level,
                levelRank,
                lastVisitOn,
                nextDueOn,
                dueRule,
                levelSource,
                levelReference,
                levelTriggers);
    }

    /**
     * The columns of a row but the refresh time, as the rules compute them: the per-client refresh
     * and the nightly batch write a row only when these differ from what it holds.
     */
    record Content(
            String regionCode,
            RiskLevel level,
            int levelRank,
            LocalDate lastVisitOn,
            LocalDate nextDueOn,
            DueRule dueRule,
            LevelSource levelSource,
            String levelReference,
            String levelTriggers) {

        static Content of(String residenceRegionCode, VisitDue due) {
            RiskSignal driver = due.driver();
            return new Content(
                    residenceRegionCode,
                    due.level(),
                    due.level().ordinal(),
                    due.lastVisitOn(),
                    due.dueOn(),
                    due.rule(),
                    driver == null ? null : driver.source(),
                    driver == null ? null : driver.reference(),
                    driver == null || driver.triggers().isEmpty() ? null : String.join(",", driver.triggers()));
        }
    }

    public VisitDue toDue() {
        RiskSignal driver = levelSource == null
                ? null
                : new RiskSignal(
                        levelSource,
                        level,
                        null,
                        levelReference,
                        levelTriggers == null ? List.of() : List.of(levelTriggers.split(",")));
        return new VisitDue(level, lastVisitOn, nextDueOn, dueRule, driver);
    }
}
