package org.casework.web.assessments;

import org.casework.core.flags.PoliceReportDeadline.Standing;

/**
 * The police-report line of a case or an assessment with a mandatory-report finding: red while no
 * report is recorded or when it came late, otherwise a grey record of when and under which receipt.
 */
public record PoliceReportAlarm(Standing standing, String reportedAt, String receiptNumber, String dueAt) {

    public boolean reported() {
        return standing.reported();
    }

    public boolean late() {
        return standing == Standing.REPORTED_LATE;
    }

    public boolean overdue() {
        return standing == Standing.OVERDUE;
    }
}
