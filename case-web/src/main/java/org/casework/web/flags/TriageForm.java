package org.casework.web.flags;

import java.util.UUID;
import lombok.Getter;
import lombok.Setter;
import org.casework.core.clients.CategorySubType;
import org.casework.core.clients.CategoryType;
import org.casework.core.flags.FlagOutcome;
import org.casework.core.flags.FlagService.TriageDecision;

/** The station's decision on a flag; which fields count depends on the outcome. */
@Getter
@Setter
public class TriageForm {

    private Long version;
    private FlagOutcome outcome;
    private UUID clientId;
    private UUID caseId;
    private CategoryType category;
    private CategorySubType categorySubType;
    private String reason;

    TriageDecision toDecision() {
        return new TriageDecision(outcome, clientId, caseId, category, categorySubType, reason);
    }
}
