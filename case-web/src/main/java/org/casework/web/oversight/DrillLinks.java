package org.casework.web.oversight;

import java.time.LocalDate;
import java.util.UUID;
import org.casework.core.indicators.Figure;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links from a dashboard figure to the list behind it, for one jurisdiction and period. Only region
 * codes, dates, levels and ids go in the URL: never a name or a number about a person.
 */
public record DrillLinks(String jurisdiction, LocalDate from, LocalDate to) {

    /** The list behind a figure of the whole jurisdiction ({@code figure}: a {@link Figure} name). */
    public String of(String figure) {
        return of(figure, jurisdiction, null, null, null);
    }

    public String of(String figure, String region, String level, String state, UUID worker) {
        return of(figure, region, level, state, worker, from, to);
    }

    public String of(
            String figure, String region, String level, String state, UUID worker, LocalDate start, LocalDate end) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/oversight/items")
                .queryParam("figure", Figure.valueOf(figure).name())
                .queryParam("jurisdiction", region)
                .queryParam("from", start)
                .queryParam("to", end);
        if (level != null) {
            b.queryParam("level", level);
        }
        if (state != null) {
            b.queryParam("state", state);
        }
        if (worker != null) {
            b.queryParam("worker", worker);
        }
        return b.build().toUriString();
    }
}
