package org.casework.web.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import lombok.Getter;
import lombok.Setter;
import org.casework.core.plans.ActivityType;
import org.casework.core.plans.PlanActivity;
import org.casework.core.plans.PlanInput;
import org.casework.core.plans.ServicePlan;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The plan editor: goals one per line, a fixed number of activity rows (blank rows are ignored)
 * and the review date. Carries the version of the draft the user saw.
 */
@Getter
@Setter
public class PlanForm {

    static final int ROWS = 10;

    private Long version;
    private String goals;
    private List<Row> activities = blankRows(ROWS);

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate reviewDate;

    /** One activity row as the form posts it. */
    @Getter
    @Setter
    public static class Row {
        private UUID id;
        private ActivityType type;
        private String description;
        private UUID workerId;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate dueDate;

        public boolean isBlank() {
            return type == null
                    && (description == null || description.isBlank())
                    && workerId == null
                    && dueDate == null;
        }
    }

    static PlanForm of(ServicePlan plan) {
        PlanForm form = new PlanForm();
        form.version = plan.getVersion();
        form.goals = String.join("\n", plan.getGoals());
        form.reviewDate = plan.getReviewDate();
        List<Row> rows = new ArrayList<>();
        for (PlanActivity a : plan.getActivities()) {
            Row row = new Row();
            row.id = a.getId();
            row.type = a.getType();
            row.description = a.getDescription();
            row.workerId = a.getResponsibleWorkerId();
            row.dueDate = a.getDueDate();
            rows.add(row);
        }
        rows.addAll(blankRows(Math.max(0, ROWS - rows.size())));
        form.activities = rows;
        return form;
    }

    PlanInput toInput() {
        List<String> goalLines = goals == null
                ? List.of()
                : Arrays.stream(goals.split("\\R"))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
        List<PlanInput.Activity> rows = activities == null
                ? List.of()
                : activities.stream()
                        .filter(r -> r != null && !r.isBlank())
                        .map(r -> new PlanInput.Activity(r.id, r.type, r.description, r.workerId, r.dueDate))
                        .toList();
        return new PlanInput(goalLines, rows, reviewDate);
    }

    /** Rows in use come first after a save: the index of the first blank one shown open. */
    public int getFilled() {
        int n = 0;
        while (n < activities.size()
                && activities.get(n) != null
                && !activities.get(n).isBlank()) {
            n++;
        }
        return n;
    }

    long expectedVersion() {
        return version == null ? -1 : version;
    }

    private static List<Row> blankRows(int n) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new Row());
        }
        return rows;
    }
}
