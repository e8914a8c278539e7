package org.casework.api.flags;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.api.PageResponse;
import org.casework.api.Paging;
import org.casework.core.flags.MandatoryReport;
import org.casework.core.flags.MandatoryReportService;
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
            Instant recordedAt) {

        static MandatoryReportResponse of(MandatoryReport r) {
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
                    r.getRecordedAt());
        }
    }

    @Operation(
            summary = "Record the report to the police (强制报告) for a flag (once) or a case, with the notices to"
                    + " civil affairs and the minor protection station")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    MandatoryReportResponse record(@RequestBody RecordRequest request) {
        return MandatoryReportResponse.of(reports.record(
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
            List<MandatoryReport> one = reports.forFlag(flag).stream().toList();
            return PageResponse.of(new PageImpl<>(one), MandatoryReportResponse::of);
        }
        if (caseId != null) {
            return PageResponse.of(new PageImpl<>(reports.forCase(caseId)), MandatoryReportResponse::of);
        }
        var pageable = Paging.of(page, size);
        return PageResponse.of(reports.inScope(pageable), MandatoryReportResponse::of);
    }
}
