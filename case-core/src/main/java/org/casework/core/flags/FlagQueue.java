package org.casework.core.flags;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;

/**
 * The order of the triage queue: red flags first, and among them the mandatory-report situations
 * (强制报告: the police must be told at once), each group oldest first; then orange, yellow and
 * green, oldest first. The flag type is encrypted at rest, so SQL cannot sort by it: the untriaged
 * reds of the jurisdiction are read whole and ordered here (they are few: a red flag waits two
 * hours at most before it escalates), the others are paged by the database after them.
 */
@Component
@RequiredArgsConstructor
class FlagQueue {

    private static final Comparator<Flag> MANDATORY_FIRST = Comparator.comparing((Flag f) -> !f.isMandatoryReport());

    private final FlagRepository flags;

    /** The untriaged reds of a scope, mandatory-report ones first, each group oldest first. */
    List<Flag> reds(String scope) {
        List<Flag> reds = new ArrayList<>(flags.untriagedRedsInScope(scope));
        reds.sort(MANDATORY_FIRST); // stable: the query's oldest-first order stays within each group
        return reds;
    }

    Page<Flag> page(String scope, Pageable pageable) {
        List<Flag> reds = reds(scope);
        long offset = pageable.getOffset();
        int size = pageable.getPageSize();
        List<Flag> content = new ArrayList<>();
        if (offset < reds.size()) {
            content.addAll(reds.subList((int) offset, (int) Math.min(reds.size(), offset + size)));
        }
        if (content.size() < size) {
            content.addAll(others(scope, Math.max(0, offset - reds.size()), size - content.size(), size));
        }
        return new PageImpl<>(content, pageable, flags.countUntriaged(scope));
    }

    /** {@code count} non-red flags from position {@code from} of their own order, read a page at a time. */
    private List<Flag> others(String scope, long from, int count, int chunk) {
        List<Flag> out = new ArrayList<>();
        int page = (int) (from / chunk);
        int skip = (int) (from % chunk);
        while (out.size() < count) {
            List<Flag> read = flags.untriagedOthersInScope(scope, PageRequest.of(page++, chunk));
            for (int i = skip; i < read.size() && out.size() < count; i++) {
                out.add(read.get(i));
            }
            skip = 0;
            if (read.size() < chunk) {
                break;
            }
        }
        return out;
    }
}
