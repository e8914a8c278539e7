package org.casework.web.flags;

import lombok.Getter;
import lombok.Setter;

/** The report to the police of a flag: three China-time {@code datetime-local} values, kept as typed. */
@Getter
@Setter
public class MandatoryReportForm {

    private String reportedAt;
    private String receivingUnit;
    private String officer;
    private String receiptNumber;
    private String reportedBy;
    private String civilAffairsNotifiedAt;
    private String minorProtectionNotifiedAt;
}
