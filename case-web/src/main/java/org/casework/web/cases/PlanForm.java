package org.casework.web.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import lombok.Getter;
import lombok.Setter;
import org.casework.core.plans.ActivityOwner;
import org.casework.core.plans.ActivityType;
import org.casework.core.plans.PlanActivity;
import org.casework.core.plans.PlanInput;
import org.casework.core.plans.ServicePlan;
import org.casework.core.shared.InvalidInputException;
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

    /** The owner choice of a registered partner organisation: this prefix and its id. */
    public static final String ORGANISATION = "org:";

    /** The owner choice of a partner written in by hand (name, contact person and phone). */
    public static final String OTHER_PARTNER = "other";

    /**
     * One activity row as the form posts it. {@code workerId} is the owner choice: a user's id
     * (station staff or a village child director: the name older pages and clients post), {@code
     * org:} and an organisation's id, or {@code other} with the partner written in.
     */
    @Getter
    @Setter
    public static class Row {
        private UUID id;
        private ActivityType type;
        private String description;
        private String workerId;
        private String partnerName;
        private String partnerContact;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate dueDate;

        public boolean isBlank() {
            return type == null
                    && isEmpty(description)
                    && isEmpty(workerId)
                    && isEmpty(partnerName)
                    && isEmpty(partnerContact)
                    && dueDate == null;
        }

        /** Whether the written-in partner's fields are in use (shown open). */
        public boolean isOtherPartner() {
            return OTHER_PARTNER.equals(workerId) || (isEmpty(workerId) && !isEmpty(partnerName));
        }

        PlanInput.Activity toInput() {
            UUID user = null;
            UUID organisation = null;
            String name = null;
            String contact = null;
            String choice = isEmpty(workerId) ? "" : workerId.strip();
            if (isOtherPartner()) {
                // the typed partner counts only when "other" is chosen (or nothing else is)
                name = partnerName;
                contact = partnerContact;
            } else if (choice.startsWith(ORGANISATION)) {
                organisation = uuid(choice.substring(ORGANISATION.length()));
            } else if (!choice.isEmpty()) {
                user = uuid(choice);
            }
            return new PlanInput.Activity(id, type, description, user, dueDate, organisation, name, contact);
        }

        private static UUID uuid(String text) {
            try {
                return UUID.fromString(text);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("activities", "plan.activity.workerUnreachable");
            }
        }

        private static boolean isEmpty(String text) {
            return text == null || text.isBlank();
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
            ActivityOwner owner = a.owner();
            if (owner.userId() != null) {
                row.workerId = owner.userId().toString();
            } else if (owner.organisationId() != null) {
                row.workerId = ORGANISATION + owner.organisationId();
            } else if (owner.partnerName() != null) {
                row.workerId = OTHER_PARTNER;
                row.partnerName = owner.partnerName();
                row.partnerContact = owner.partnerContact();
            }
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
                        .map(Row::toInput)
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
