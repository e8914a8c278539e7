package org.casework.web.cases;

import lombok.Getter;
import lombok.Setter;
import org.casework.core.shared.RiskLevel;

/** The worker's confirmation of a risk level, or a supervisor's override with its reason. */
@Getter
@Setter
public class RiskForm {

    private RiskLevel level;
    private String reason;
    private boolean override;
    private Long version;

    long expectedVersion() {
        return version == null ? -1 : version;
    }
}
