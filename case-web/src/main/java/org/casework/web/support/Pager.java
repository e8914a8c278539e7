package org.casework.web.support;

import org.springframework.data.domain.Page;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Previous/next links of a result page that keep the search parameters. */
public record Pager(int number, int totalPages, long totalElements, String previous, String next) {

    public static Pager of(Page<?> page) {
        return new Pager(
                page.getNumber() + 1,
                Math.max(page.getTotalPages(), 1),
                page.getTotalElements(),
                page.hasPrevious() ? link(page.getNumber() - 1) : null,
                page.hasNext() ? link(page.getNumber() + 1) : null);
    }

    private static String link(int page) {
        var uri = ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("page", page)
                .build();
        return uri.getPath() + "?" + uri.getQuery();
    }
}
