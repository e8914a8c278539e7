package org.casework.api.indicators;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import lombok.RequiredArgsConstructor;
import org.casework.core.indicators.Breakdown;
import org.casework.core.indicators.IndicatorService;
import org.casework.core.indicators.Indicators;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "indicators")
@RestController
@RequiredArgsConstructor
class IndicatorController {

    private final IndicatorService indicators;

    @Operation(
            summary = "Supervisors (station heads, township child supervisors, county supervisors): the supervisor"
                    + " indicators of a jurisdiction inside yours and a period of at most 366 days: caseload per"
                    + " worker, visit coverage by level and region, flags against the triage SLA, mandatory reports,"
                    + " plans past review, closures, referral loop closure per department, data quality, reveals"
                    + " outside one's caseload and a monthly trend. Others get 403; a jurisdiction outside yours 403.")
    @GetMapping("/api/v1/indicators")
    Indicators indicators(
            @Parameter(description = "Region code (township or village, or the county); default your jurisdiction")
                    @RequestParam(required = false)
                    String jurisdiction,
            @Parameter(description = "First day of the period (China time); default the first of the last month")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate from,
            @Parameter(description = "Last day of the period; default today")
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    LocalDate to,
            @Parameter(description = "region: one level down (county: townships, township: villages); village")
                    @RequestParam(required = false)
                    Breakdown breakdown) {
        return indicators.indicators(jurisdiction, from, to, breakdown);
    }
}
