package org.casework.api.flags;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.api.PageResponse;
import org.casework.api.Paging;
import org.casework.core.accounts.DisplayNames;
import org.casework.core.accounts.PeopleNames;
import org.casework.core.flags.MandatoryReport;
import org.casework.core.flags.MandatoryReportService;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "mandatory reports")
@RestController
@RequestMapping("/api/v1/mandatory-reports")
@RequiredArgsConstructor
class MandatoryReportController {

    private final MandatoryReportService reports;
    private final PeopleNames people;

    record RecordRequest(
            UUID flagId,
            UUID caseId,
            Instant reportedAt,
            @Size(max = MandatoryReport.UNIT_MAX_LENGTH) String receivingUnit,
            @Size(max = MandatoryReport.PERSON_MAX_LENGTH) String officer,
            @Size(max = MandatoryReport.PERSON_MAX_LENGTH) String receiptNumber,
            @Size(max = MandatoryReport.PERSON_MAX_LENGTH) String reportedBy,
            Instant civilAffairsNotifiedAt,
            Instant minorProtectionNotifiedAt) {}

    /** The police report; the flag's reporter is not part of it (who called the police is). */
    record MandatoryReportResponse(
            UUID id,
            UUID flagId,
            UUID caseId,
            String villageCode,
            Instant reportedAt,
            @Size(max = MandatoryReport.UNIT_MAX_LENGTH) String receivingUnit,
            @Size(max = MandatoryReport.PERSON_MAX_LENGTH) String officer,
            @Size(max = MandatoryReport.PERSON_MAX_LENGTH) String receiptNumber,
            @Size(max = MandatoryReport.PERSON_MAX_LENGTH) String reportedBy,
            Instant civilAffairsNotifiedAt,
            Instant minorProtectionNotifiedAt,
            String recordedBy,

            @Schema(description = "who recorded it, by display name (堌阳镇社工 李娜)")
            String recordedByName,

            Instant recordedAt) {

        static MandatoryReportResponse of(MandatoryReport r, DisplayNames names) {
            return new MandatoryReportResponse(
                    r.getId(),
                    r.getFlagId(),
                    r.getCaseId(),
                    r.getVillageCode(),
                    r.getReportedAt(),
                    r.getReceivingUnit(),
                    r.getOfficer(),
                    r.getReceiptNumber(),
                    r.getReportedBy(),
                    r.getCivilAffairsNotifiedAt(),
                    r.getMinorProtectionNotifiedAt(),
                    r.getRecordedBy(),
                    names.of(r.getRecordedBy()),
                    r.getRecordedAt());
        }
    }

    @Operation(
            summary = "Record the report to the police (强制报告) for a flag (once) or a case, with the notices to"
                    + " civil affairs and the minor protection station")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    MandatoryReportResponse record(@RequestBody RecordRequest request) {
        return withNames(reports.record(
                request.flagId(),
                request.caseId(),
                new MandatoryReport.Details(
                        request.reportedAt(),
                        request.receivingUnit(),
                        request.officer(),
                        request.receiptNumber(),
                        request.reportedBy(),
                        request.civilAffairsNotifiedAt(),
                        request.minorProtectionNotifiedAt())));
    }

    @Operation(
            summary = "Mandatory reports of the jurisdiction (newest first), or of one flag (?flag=) or case (?case=)")
    @GetMapping
    PageResponse<MandatoryReportResponse> list(
            @RequestParam(required = false) UUID flag,
            @RequestParam(name = "case", required = false) UUID caseId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        if (flag != null) {
            return page(new PageImpl<>(reports.forFlag(flag).stream().toList()));
        }
        if (caseId != null) {
            return page(new PageImpl<>(reports.forCase(caseId)));
        }
        return page(reports.inScope(Paging.of(page, size)));
    }

    /** A page of reports with who recorded them by name: one lookup for the page. */
    private PageResponse<MandatoryReportResponse> page(Page<MandatoryReport> found) {
        DisplayNames names = people.of(
                found.getContent().stream().map(MandatoryReport::getRecordedBy).toList());
        return PageResponse.of(found, r -> MandatoryReportResponse.of(r, names));
    }

    private MandatoryReportResponse withNames(MandatoryReport report) {
        return MandatoryReportResponse.of(
                report, people.of(java.util.Collections.singletonList(report.getRecordedBy())));
    }
}
