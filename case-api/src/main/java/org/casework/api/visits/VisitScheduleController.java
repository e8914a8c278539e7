package org.casework.api.visits;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.core.visits.ClientVisitSchedule;
import org.casework.core.visits.VisitScheduleService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "visits")
@RestController
@RequiredArgsConstructor
class VisitScheduleController {

    private final VisitScheduleService schedules;

    @Operation(
            summary = "A client's visiting level and what drives it (registry rules, a case, an untriaged flag or an"
                    + " assessment, with its reference and rule codes), last visit, next due visit, the rule that set it,"
                    + " and whether it is overdue")
    @GetMapping("/api/v1/clients/{id}/visit-schedule")
    ClientVisitSchedule get(@PathVariable UUID id) {
        return schedules.forClient(id);
    }
}
