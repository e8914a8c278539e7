package org.casework.web.flags;

import java.time.DateTimeException;
import java.time.Instant;
import lombok.Getter;
import lombok.Setter;
import org.casework.core.flags.MandatoryReport;
import org.springframework.validation.BindingResult;

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

    /**
     * The report as the core takes it, or null with the field at fault marked when a typed time
     * cannot be read (for the pages that record a report outside the flag page, e.g. the case's).
     */
    public MandatoryReport.Details toDetails(BindingResult result) {
        Instant reported = time(reportedAt, "reportedAt", result);
        Instant civil = time(civilAffairsNotifiedAt, "civilAffairsNotifiedAt", result);
        Instant station = time(minorProtectionNotifiedAt, "minorProtectionNotifiedAt", result);
        if (result.hasErrors()) {
            return null;
        }
        return new MandatoryReport.Details(reported, receivingUnit, officer, receiptNumber, reportedBy, civil, station);
    }

    private static Instant time(String value, String field, BindingResult result) {
        try {
            return FlagForm.instant(value);
        } catch (DateTimeException e) {
            result.rejectValue(field, "flag.web.time.invalid");
            return null;
        }
    }
}
