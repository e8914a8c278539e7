package org.casework.core.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.casework.core.security.Actor;
import org.casework.core.security.CurrentActor;
import org.casework.core.security.Role;
import org.casework.core.shared.RegionCode;
import org.casework.core.shared.RiskLevel;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageRequest;

/**
 * The worklist's page: its total counts up to the deepest the list pages (beyond that it is capped and says
 * so, so a source may stop counting there; below it, it is exact), and only its items are completed.
 */
class WorklistServicePageTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);
    private static final Actor SUPERVISOR =
            new Actor(UUID.randomUUID(), "county-sup", Role.COUNTY_SUPERVISOR, new RegionCode("410225"), null);

    @Test
    void totalsAboveTheDeepestPageAreCappedAndSaySo() {
        WorklistPage page = service(
                        source(WorkItemKind.VISIT_DUE, WorklistService.COUNT_LIMIT),
                        source(WorkItemKind.APPROVAL_WAITING, 2_500))
                .worklist(PageRequest.of(3, 50));

        assertThat(page.isTotalCapped()).isTrue();
        assertThat(page.getTotalElements()).isEqualTo(WorklistService.MAX_DEPTH);
        assertThat(page.getTotalPages()).isEqualTo(WorklistService.MAX_DEPTH / 50);
        assertThat(page.getContent()).hasSize(50);
    }

    @Test
    void twoSourcesTogetherAboveTheDeepestPageAreCappedToo() {
        WorklistPage page = service(source(WorkItemKind.VISIT_DUE, 9_000), source(WorkItemKind.APPROVAL_WAITING, 1_001))
                .worklist(PageRequest.of(0, 50));

        assertThat(page.isTotalCapped()).isTrue();
        assertThat(page.getTotalElements()).isEqualTo(WorklistService.MAX_DEPTH);
    }

    @Test
    void totalsUpToTheDeepestPageAreExact() {
        WorklistPage exactlyTheDepth = service(
                        source(WorkItemKind.VISIT_DUE, 9_000), source(WorkItemKind.APPROVAL_WAITING, 1_000))
                .worklist(PageRequest.of(0, 50));
        assertThat(exactlyTheDepth.isTotalCapped()).isFalse();
        assertThat(exactlyTheDepth.getTotalElements()).isEqualTo(10_000);

        WorklistPage few = service(source(WorkItemKind.VISIT_DUE, 37), source(WorkItemKind.APPROVAL_WAITING, 5))
                .worklist(PageRequest.of(0, 50));
        assertThat(few.isTotalCapped()).isFalse();
        assertThat(few.getTotalElements()).isEqualTo(42);
        assertThat(few.getContent()).hasSize(42);
    }

    /** Sources read names and case numbers for the page's items only, not for the deep read before it. */
    @Test
    void onlyThePagesItemsAreCompleted() {
        List<List<WorkItem>> asked = new java.util.ArrayList<>();
        WorkItemSource visits = source(WorkItemKind.VISIT_DUE, 3_000);
        WorkItemSource named = new WorkItemSource() {
            @Override
            public WorkItemKind kind() {
                return visits.kind();
            }

            @Override
            public boolean appliesTo(Actor actor) {
                return true;
            }

            @Override
            public Batch fetch(Actor actor, LocalDate today, LocalDate horizon, int limit) {
                Batch batch = visits.fetch(actor, today, horizon, limit);
                return new Batch(
                        batch.items().stream()
                                .map(i -> i.completed(i.clientId(), null, null))
                                .toList(),
                        batch.total());
            }

            @Override
            public List<WorkItem> complete(List<WorkItem> items) {
                asked.add(items);
                return items.stream()
                        .map(i -> i.completed(i.clientId(), "名" + i.clientId(), null))
                        .toList();
            }
        };
        WorklistPage page =
                service(named, source(WorkItemKind.APPROVAL_WAITING, 40)).worklist(PageRequest.of(19, 50));

        assertThat(asked).hasSize(1);
        assertThat(asked.get(0)).hasSizeLessThanOrEqualTo(50).isNotEmpty();
        assertThat(page.getContent()).hasSize(50);
        assertThat(page.getContent())
                .filteredOn(i -> i.kind() == WorkItemKind.VISIT_DUE)
                .allSatisfy(i -> assertThat(i.clientName()).isEqualTo("名" + i.clientId()));
        assertThat(page.getContent()).isSortedAccordingTo(WorkItem.ORDER);
    }

    private static WorklistService service(WorkItemSource... sources) {
        CurrentActor current = new CurrentActor() {
            @Override
            public Actor get() {
                return SUPERVISOR;
            }
        };
        return new WorklistService(
                List.of(sources),
                current,
                Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC),
                null);
    }

    /** A source with {@code total} items (as counted), returning the first {@code limit} of them. */
    private static WorkItemSource source(WorkItemKind kind, long total) {
        return new WorkItemSource() {
            @Override
            public WorkItemKind kind() {
                return kind;
            }

            @Override
            public boolean appliesTo(Actor actor) {
                return true;
            }

            @Override
            public Batch fetch(Actor actor, LocalDate today, LocalDate horizon, int limit) {
                List<WorkItem> items = IntStream.range(0, (int) Math.min(limit, total))
                        .mapToObj(i -> new WorkItem(
                                kind,
                                UUID.randomUUID(),
                                "王小明",
                                null,
                                null,
                                "410225101201",
                                RiskLevel.GREEN,
                                today.plusDays(i % 7),
                                false))
                        .sorted(WorkItem.ORDER)
                        .toList();
                return new Batch(items, total);
            }
        };
    }
}
