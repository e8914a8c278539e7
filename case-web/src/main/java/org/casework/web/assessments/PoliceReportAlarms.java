package org.casework.web.assessments;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import lombok.RequiredArgsConstructor;
import org.casework.core.assessments.Assessment;
import org.casework.core.assessments.AssessmentService;
import org.casework.core.flags.Flag;
import org.casework.core.flags.FlagService;
import org.casework.core.flags.FlagSlaPolicy;
import org.casework.core.flags.MandatoryReport;
import org.casework.core.flags.MandatoryReportService;
import org.casework.core.flags.PoliceReportDeadline;
import org.casework.core.flags.PoliceReportDeadline.Standing;
import org.casework.web.support.Dates;
import org.springframework.stereotype.Component;

/**
 * Where the report to the police stands for a case with a mandatory-report finding. The deadline is
 * the red flag's triage deadline ({@code casework.flags.sla.red}): a mandatory-report flag cannot be
 * triaged before its police report, so both clocks are one.
 */
@Component
@RequiredArgsConstructor
public class PoliceReportAlarms {

    private final MandatoryReportService reports;
    private final AssessmentService assessments;
    private final FlagService flags;
    private final FlagSlaPolicy sla;
    private final Clock clock;

    /**
     * The case's line, counted from the first signed mandatory-report assessment or flag of the
     * case. A report recorded on the flag that opened the case counts as well as one on the case.
     */
    public PoliceReportAlarm forCase(UUID caseId, UUID clientId) {
        List<Flag> caseFlags = flags.forCase(caseId);
        Instant known = Stream.concat(
                        assessments.listForClient(clientId).stream()
                                .filter(a -> caseId.equals(a.getCaseId()) && a.isMandatoryReport())
                                .map(Assessment::getSignedAt),
                        caseFlags.stream().filter(Flag::isMandatoryReport).map(Flag::getRaisedAt))
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .orElse(null);
        return of(made(caseId, caseFlags), known);
    }

    /** An assessment's line, counted from its signature (a draft has no deadline yet). */
    public PoliceReportAlarm forAssessment(Assessment assessment) {
        UUID caseId = assessment.getCaseId();
        List<MandatoryReport> made = caseId == null ? List.of() : made(caseId, flags.forCase(caseId));
        return of(made, assessment.getSignedAt());
    }

    private List<MandatoryReport> made(UUID caseId, List<Flag> caseFlags) {
        return Stream.concat(
                        reports.forCase(caseId).stream(),
                        caseFlags.stream().map(f -> reports.forFlag(f.getId())).flatMap(Optional::stream))
                .distinct()
                .toList();
    }

    private PoliceReportAlarm of(List<MandatoryReport> made, Instant knownSince) {
        // the first report is the one the deadline is about
        MandatoryReport first = made.stream()
                .min(Comparator.comparing(MandatoryReport::getReportedAt))
                .orElse(null);
        Instant reportedAt = first == null ? null : first.getReportedAt();
        PoliceReportDeadline deadline = new PoliceReportDeadline(sla.getRed());
        Standing standing = knownSince == null
                ? (reportedAt == null ? Standing.MISSING : Standing.REPORTED)
                : deadline.standing(knownSince, reportedAt, clock.instant());
        return new PoliceReportAlarm(
                standing,
                reportedAt == null ? null : Dates.dateTime(reportedAt),
                first == null ? null : first.getReceiptNumber(),
                knownSince == null ? null : Dates.dateTime(deadline.dueAt(knownSince)));
    }
}
