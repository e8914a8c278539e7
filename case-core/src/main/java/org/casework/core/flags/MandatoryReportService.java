package org.casework.core.flags;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.audit.AuditTrail;
import org.casework.core.cases.CaseFile;
import org.casework.core.cases.CaseService;
import org.casework.core.security.Actor;
import org.casework.core.security.CurrentActor;
import org.casework.core.security.Permission;
import org.casework.core.shared.ConflictException;
import org.casework.core.shared.InvalidInputException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records reports to the police (强制报告) for a flag or a case, by station staff of its area.
 * Lists them for the jurisdiction (a supervisor indicator: reports made and time to report).
 */
@Service
@RequiredArgsConstructor
public class MandatoryReportService {

    private final MandatoryReportRepository reports;
    private final FlagService flags;
    private final CaseService cases;
    private final CurrentActor currentActor;
    private final AuditTrail audit;
    private final Clock clock;

    /** One report per flag; a second is refused (the first is never overwritten). */
    @Transactional
    public MandatoryReport recordForFlag(UUID flagId, MandatoryReport.Details details) {
        Actor actor = currentActor.require(Permission.WRITE_CASES);
        Flag flag = flags.staffFlag(actor, flagId);
        if (reports.findByFlagId(flag.getId()).isPresent()) {
            throw new ConflictException("mandatoryReport.alreadyRecorded");
        }
        MandatoryReport report = new MandatoryReport(
                flag.getId(), flag.getOutcomeCaseId(), flag.village(), details, actor.username(), clock.instant());
        return saved(actor, report);
    }

    /** A report for a case (e.g. an assessment found a mandatory-report situation); a case may have several. */
    @Transactional
    public MandatoryReport recordForCase(UUID caseId, MandatoryReport.Details details) {
        Actor actor = currentActor.require(Permission.WRITE_CASES);
        CaseFile caseFile = cases.get(caseId);
        MandatoryReport report = new MandatoryReport(
                null,
                caseFile.getId(),
                new org.casework.core.shared.RegionCode(caseFile.getRegionCode()),
                details,
                actor.username(),
                clock.instant());
        return saved(actor, report);
    }

    /** Either a flag or a case, never neither. */
    @Transactional
    public MandatoryReport record(UUID flagId, UUID caseId, MandatoryReport.Details details) {
        if (flagId != null) {
            return recordForFlag(flagId, details);
        }
        if (caseId != null) {
            return recordForCase(caseId, details);
        }
        throw new InvalidInputException("flagId", "mandatoryReport.subject.required");
    }

    @Transactional(readOnly = true)
    public Optional<MandatoryReport> forFlag(UUID flagId) {
        Actor actor = currentActor.require(Permission.READ_CASES);
        return reports.findByFlagId(flags.staffFlag(actor, flagId).getId());
    }

    /** Which of these flags (of a list the caller already read) have their report recorded: one query. */
    @Transactional(readOnly = true)
    public Set<UUID> reported(Collection<UUID> flagIds) {
        currentActor.require(Permission.READ_CASES);
        return flagIds.isEmpty() ? Set.of() : Set.copyOf(reports.flagsWithReports(flagIds));
    }

    @Transactional(readOnly = true)
    public List<MandatoryReport> forCase(UUID caseId) {
        return reports.findByCaseIdOrderByReportedAtDesc(cases.get(caseId).getId());
    }

    @Transactional(readOnly = true)
    public Page<MandatoryReport> inScope(Pageable pageable) {
        Actor actor = currentActor.require(Permission.READ_CASES);
        return reports.inScope(actor.scopePattern(), pageable);
    }

    private MandatoryReport saved(Actor actor, MandatoryReport report) {
        reports.save(report);
        audit.recordChange("MandatoryReport", report.getId(), "RECORDED", null, actor.username());
        return report;
    }
}
