package org.casework.api.services;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.api.PageResponse;
import org.casework.api.Paging;
import org.casework.core.accounts.DisplayNames;
import org.casework.core.accounts.PeopleNames;
import org.casework.core.services.ServiceRecord;
import org.casework.core.services.ServiceRecordService;
import org.casework.core.services.ServiceRecordService.NewServiceRecord;
import org.casework.core.shared.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "services")
@RestController
@RequestMapping("/api/v1/services")
@RequiredArgsConstructor
class ServiceRecordController {

    private final ServiceRecordService services;
    private final ServiceRecordMapper mapper;
    private final PeopleNames people;

    record VoidRequest(
            @Size(max = ServiceRecord.VOID_REASON_MAX_LENGTH)
            String reason) {}

    @Operation(
            summary = "Log a service or visit (上门/电话/视频) for a client in your jurisdiction, with or without a case;"
                    + " a visit moves the client's next due visit")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ServiceRecordResponse log(@RequestBody NewServiceRecord request) {
        return one(services.log(request));
    }

    @Operation(
            summary = "Service records of a client (?client=) or of a case (?case=), newest first;"
                    + " without case access only records outside a case are listed")
    @GetMapping
    PageResponse<ServiceRecordResponse> list(
            @RequestParam(required = false) UUID client,
            @RequestParam(name = "case", required = false) UUID caseId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        var pageable = Paging.of(page, size);
        if (caseId != null) {
            return page(services.forCase(caseId, pageable));
        }
        if (client != null) {
            return page(services.forClient(client, pageable));
        }
        throw new InvalidInputException("client", "service.list.filterRequired");
    }

    @Operation(summary = "Void a record entered in error, with a reason; it stays listed and no longer counts")
    @PostMapping("/{id}/void")
    ServiceRecordResponse voidRecord(@PathVariable UUID id, @RequestBody VoidRequest request) {
        return one(services.voidRecord(id, request.reason()));
    }

    private ServiceRecordResponse one(ServiceRecord record) {
        return mapper.toResponse(record, people.of(loginsOf(List.of(record))));
    }

    private PageResponse<ServiceRecordResponse> page(org.springframework.data.domain.Page<ServiceRecord> records) {
        DisplayNames names = people.of(loginsOf(records.getContent()));
        return PageResponse.of(records, r -> mapper.toResponse(r, names));
    }

    private static List<String> loginsOf(List<ServiceRecord> records) {
        return records.stream()
                .flatMap(r -> java.util.stream.Stream.of(r.getRecordedBy(), r.getVoidedBy()))
                .toList();
    }
}
