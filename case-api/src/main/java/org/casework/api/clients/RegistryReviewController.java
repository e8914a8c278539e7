package org.casework.api.clients;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.casework.api.Versions;
import org.casework.core.accounts.DisplayNames;
import org.casework.core.accounts.PeopleNames;
import org.casework.core.clients.RegistryReview;
import org.casework.core.clients.RegistryReviewKind;
import org.casework.core.clients.RegistryReviewService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "clients")
@RestController
@RequestMapping("/api/v1/clients/{clientId}/reviews")
@RequiredArgsConstructor
class RegistryReviewController {

    private final RegistryReviewService reviews;
    private final PeopleNames people;

    /** A review (复核) of a registry entry: why, since when, and what the station decided. */
    record ReviewResponse(
            UUID id,
            long version,
            RegistryReviewKind kind,
            LocalDate dueOn,
            boolean open,
            String resolution,
            String resolvedBy,

            @Schema(description = "who resolved it, by display name (堌阳镇社工 李娜)")
            String resolvedByName,

            Instant resolvedAt) {

        static ReviewResponse of(RegistryReview r, DisplayNames names) {
            return new ReviewResponse(
                    r.getId(),
                    r.getVersion() == null ? 0 : r.getVersion(),
                    r.getKind(),
                    r.getDueOn(),
                    r.isOpen(),
                    r.getResolution(),
                    r.getResolvedBy(),
                    names.of(r.getResolvedBy()),
                    r.getResolvedAt());
        }
    }

    /** What the station decided. */
    record ResolutionRequest(
            @Size(max = RegistryReview.RESOLUTION_MAX_LENGTH)
            String resolution) {}

    @Operation(summary = "The client's reviews (复核), e.g. a 留守儿童 who turned 16; station staff only")
    @GetMapping
    List<ReviewResponse> list(@PathVariable UUID clientId) {
        List<RegistryReview> found = reviews.forClient(clientId);
        DisplayNames names =
                people.of(found.stream().map(RegistryReview::getResolvedBy).toList());
        return found.stream().map(r -> ReviewResponse.of(r, names)).toList();
    }

    @Operation(summary = "Record what the station decided on a review; needs the version (If-Match)")
    @PostMapping("/{reviewId}/resolution")
    ResponseEntity<ReviewResponse> resolve(
            @PathVariable UUID clientId,
            @PathVariable UUID reviewId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestParam(required = false) Long version,
            @RequestBody ResolutionRequest request) {
        RegistryReview review =
                reviews.resolve(clientId, reviewId, Versions.required(ifMatch, version), request.resolution());
        ReviewResponse body =
                ReviewResponse.of(review, people.of(java.util.Collections.singletonList(review.getResolvedBy())));
        return ResponseEntity.ok().eTag(Versions.etag(review.getVersion())).body(body);
    }
}
