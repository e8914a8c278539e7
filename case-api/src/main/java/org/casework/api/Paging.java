package org.casework.api;

import org.casework.core.shared.InvalidInputException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * Reads the page and size of a list request. Out-of-range values are refused (400 naming the
 * parameter and the range), never silently clamped: a client asking for 10,000 rows must learn it
 * gets at most 200, not believe it has seen them all.
 */
public final class Paging {

    public static final int MAX_SIZE = 200;

    /** Far beyond any real list; keeps the row offset (page × size) inside what databases accept. */
    public static final int MAX_PAGE = 1_000_000;

    private Paging() {}

    public static PageRequest of(int page, int size) {
        return of(page, size, Sort.unsorted());
    }

    /**
     * @throws InvalidInputException when page is negative or too high, or size is not 1..200
     */
    public static PageRequest of(int page, int size, Sort sort) {
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException("size", "error.page.size", 1, MAX_SIZE);
        }
        if (page < 0 || page > MAX_PAGE) {
            throw new InvalidInputException("page", "error.page.number", 0, MAX_PAGE);
        }
        return PageRequest.of(page, size, sort);
    }
}
