package org.casework.api.referrals;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.api.PageResponse;
import org.casework.api.Paging;
import org.casework.api.Versions;
import org.casework.core.accounts.DisplayNames;
import org.casework.core.accounts.PeopleNames;
import org.casework.core.organisations.Department;
import org.casework.core.organisations.OrganisationService;
import org.casework.core.referrals.Referral;
import org.casework.core.referrals.ReferralProgressNote;
import org.casework.core.referrals.ReferralResult;
import org.casework.core.referrals.ReferralService;
import org.casework.core.referrals.ReferralService.Box;
import org.casework.core.referrals.ReferralService.ConsentInput;
import org.casework.core.referrals.ReferralService.NewFlagReferral;
import org.casework.core.referrals.ReferralService.NewReferral;
import org.casework.core.referrals.ReferralService.ReReferral;
import org.casework.core.referrals.ReferralStatus;
import org.casework.core.referrals.ReferralUrgency;
import org.casework.core.referrals.SharedField;
import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "referrals")
@RestController
@RequestMapping("/api/v1")
@RequiredArgsConstructor
class ReferralController {

    private final ReferralService referrals;
    private final PeopleNames people;
    private final OrganisationService organisations;
    private final Clock clock;

    /** A referral from a case ({@code caseId}) or straight from a flag ({@code flagId}). */
    record SendRequest(
            UUID caseId,
            UUID flagId,
            UUID receivingOrganisationId,
            @Size(max = Referral.REASON_MAX_LENGTH) String reason,
            @Size(max = Referral.SERVICES_MAX_LENGTH) String servicesRequested,
            ReferralUrgency urgency,
            ConsentInput consent,
            Set<SharedField> sharedFields,
            @Size(max = Referral.REASON_MAX_LENGTH) String caseSummary) {}

    record ReasonRequest(
            @Size(max = Referral.SHORT_REASON_MAX_LENGTH) String reason) {}

    record ProgressNoteRequest(
            @Size(max = ReferralProgressNote.MAX_LENGTH) String note) {}

    /** What the department could provide (已提供 / 部分提供 / 未能提供) and what it did. */
    record OutcomeRequest(
            ReferralResult result,
            @Size(max = Referral.OUTCOME_MAX_LENGTH) String outcome) {}

    record Receiver(UUID id, String name, Department department, String contactName, String contactPhone) {}

    @Operation(
            summary = "Refer the client of an open case (caseId) or the child of a flag (flagId) to a partner"
                    + " department, with consent (or a supervisor's legal-basis override) and the shared fields"
                    + " (NAME, SEX, AGE, VILLAGE when left out)")
    @PostMapping("/referrals")
    ResponseEntity<ReferralResponse> send(@RequestBody SendRequest request) {
        Referral referral = request.flagId() != null && request.caseId() == null
                ? referrals.sendFromFlag(new NewFlagReferral(
                        request.flagId(),
                        request.receivingOrganisationId(),
                        request.reason(),
                        request.servicesRequested(),
                        request.urgency(),
                        request.consent(),
                        request.sharedFields(),
                        request.caseSummary()))
                : referrals.send(new NewReferral(
                        request.caseId(),
                        request.receivingOrganisationId(),
                        request.reason(),
                        request.servicesRequested(),
                        request.urgency(),
                        request.consent(),
                        request.sharedFields(),
                        request.caseSummary()));
        ReferralResponse body = response(referral);
        return ResponseEntity.created(URI.create("/api/v1/referrals/" + body.id()))
                .eTag(Versions.etag(body.version()))
                .body(body);
    }

    @Operation(
            summary = "Referrals received by your department (box=received, liaisons) or sent from your"
                    + " jurisdiction (box=sent, station and county users), newest first; optional status filter")
    @GetMapping("/referrals")
    PageResponse<ReferralSummary> list(
            @RequestParam(required = false) String box,
            @RequestParam(required = false) ReferralStatus status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        var pageable = Paging.of(page, size);
        Page<Referral> found = referrals.list(box(box), status, pageable);
        Map<UUID, String> names = names(found.getContent());
        DisplayNames senders = senders(found.getContent());
        boolean receiver = referrals.viewsAsReceiver();
        return PageResponse.of(found, r -> ReferralSummary.of(r, receiver, names, senders, clock.instant()));
    }

    @Operation(summary = "Active partner departments you can refer to")
    @GetMapping("/referrals/receivers")
    List<Receiver> receivers() {
        return referrals.receivers().stream()
                .map(o -> new Receiver(
                        o.getId(), o.getName(), o.getDepartment(), o.getContactName(), o.getContactPhone()))
                .toList();
    }

    @Operation(
            summary = "One referral with its progress notes; the receiving department sees only the shared"
                    + " client fields")
    @GetMapping("/referrals/{id}")
    ResponseEntity<ReferralResponse> get(@PathVariable UUID id) {
        return withEtag(referrals.get(id));
    }

    @Operation(summary = "The referrals of a case, newest first, with their status and outcome")
    @GetMapping("/cases/{caseId}/referrals")
    List<ReferralSummary> forCase(@PathVariable UUID caseId) {
        List<Referral> list = referrals.forCase(caseId);
        Map<UUID, String> names = names(list);
        DisplayNames senders = senders(list);
        return list.stream()
                .map(r -> ReferralSummary.of(r, false, names, senders, clock.instant()))
                .toList();
    }

    @Operation(summary = "The receiving department accepts a referral waiting for its response")
    @PostMapping("/referrals/{id}/accept")
    ResponseEntity<ReferralResponse> accept(
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestParam(required = false) Long version) {
        return withEtag(referrals.accept(id, Versions.required(ifMatch, version)));
    }

    @Operation(summary = "The receiving department declines a referral, with a reason")
    @PostMapping("/referrals/{id}/decline")
    ResponseEntity<ReferralResponse> decline(
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestParam(required = false) Long version,
            @RequestBody(required = false) ReasonRequest request) {
        return withEtag(referrals.decline(id, Versions.required(ifMatch, version), reason(request)));
    }

    @Operation(summary = "The receiving department starts the service it accepted")
    @PostMapping("/referrals/{id}/start")
    ResponseEntity<ReferralResponse> start(
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestParam(required = false) Long version) {
        return withEtag(referrals.start(id, Versions.required(ifMatch, version)));
    }

    @Operation(summary = "The receiving department records progress (the first note starts an accepted referral)")
    @PostMapping("/referrals/{id}/progress")
    ResponseEntity<ReferralResponse> progress(
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestParam(required = false) Long version,
            @RequestBody(required = false) ProgressNoteRequest request) {
        String note = request == null ? null : request.note();
        return withEtag(referrals.recordProgress(id, Versions.required(ifMatch, version), note));
    }

    @Operation(summary = "The receiving department completes a referral in progress with its outcome")
    @PostMapping("/referrals/{id}/complete")
    ResponseEntity<ReferralResponse> complete(
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestParam(required = false) Long version,
            @RequestBody(required = false) OutcomeRequest request) {
        String outcome = request == null ? null : request.outcome();
        ReferralResult result = request == null ? null : request.result();
        return withEtag(referrals.complete(id, Versions.required(ifMatch, version), result, outcome));
    }

    @Operation(summary = "The receiving department returns an accepted referral to the sender, with a reason")
    @PostMapping("/referrals/{id}/return")
    ResponseEntity<ReferralResponse> returnToSender(
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestParam(required = false) Long version,
            @RequestBody(required = false) ReasonRequest request) {
        return withEtag(referrals.returnToSender(id, Versions.required(ifMatch, version), reason(request)));
    }

    @Operation(summary = "The sending station revokes an open referral, with a reason")
    @PostMapping("/referrals/{id}/revoke")
    ResponseEntity<ReferralResponse> revoke(
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestParam(required = false) Long version,
            @RequestBody(required = false) ReasonRequest request) {
        return withEtag(referrals.revoke(id, Versions.required(ifMatch, version), reason(request)));
    }

    @Operation(
            summary = "Refer a declined or returned referral's client to another department, with new consent;"
                    + " left-out texts, urgency and shared fields are taken from the old referral, which stays")
    @PostMapping("/referrals/{id}/re-refer")
    ResponseEntity<ReferralResponse> reRefer(
            @PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestParam(required = false) Long version,
            @RequestBody ReReferral request) {
        Referral referral = referrals.reRefer(id, Versions.required(ifMatch, version), request);
        ReferralResponse body = response(referral);
        return ResponseEntity.created(URI.create("/api/v1/referrals/" + body.id()))
                .eTag(Versions.etag(body.version()))
                .body(body);
    }

    private ResponseEntity<ReferralResponse> withEtag(Referral referral) {
        ReferralResponse body = response(referral);
        return ResponseEntity.ok().eTag(Versions.etag(body.version())).body(body);
    }

    /** One lookup of the people it names; the sending station's phone, which the liaison calls back on. */
    private ReferralResponse response(Referral referral) {
        List<ReferralProgressNote> notes = referrals.progressNotes(referral.getId());
        return ReferralResponse.of(
                referral,
                referrals.viewsAsReceiver(),
                names(List.of(referral)),
                people.of(ReferralResponse.loginsOf(referral, notes)),
                organisations.get(referral.getSendingOrganisationId()).getContactPhone(),
                notes,
                clock.instant());
    }

    /** The senders of a page of referrals, in one lookup. */
    private DisplayNames senders(List<Referral> list) {
        return people.of(list.stream().map(Referral::getSentBy).toList());
    }

    private Map<UUID, String> names(List<Referral> list) {
        Set<UUID> ids = new HashSet<>();
        list.forEach(r -> {
            ids.add(r.getSendingOrganisationId());
            ids.add(r.getReceivingOrganisationId());
        });
        return ids.isEmpty() ? Map.of() : referrals.organisationNames(ids);
    }

    private static String reason(ReasonRequest request) {
        return request == null ? null : request.reason();
    }

    private static Box box(String box) {
        if (box == null || box.isBlank()) {
            return null;
        }
        try {
            return Box.valueOf(box.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new org.casework.core.shared.InvalidInputException("box", "referral.box.invalid");
        }
    }
}
