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
        this.regionCode = residenceRegionCode;
        this.level = due.level();
        this.levelRank = due.level().ordinal();
        this.lastVisitOn = due.lastVisitOn();
        this.nextDueOn = due.dueOn();
        this.dueRule = due.rule();
        RiskSignal driver = due.driver();
        this.levelSource = driver == null ? null : driver.source();
        this.levelReference = driver == null ? null : driver.reference();
        this.levelTriggers = driver == null || driver.triggers().isEmpty() ? null : String.join(",", driver.triggers());
        this.refreshedAt = now;
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
