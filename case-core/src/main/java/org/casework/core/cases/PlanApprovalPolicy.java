package org.casework.core.cases;

import org.casework.core.shared.RiskLevel;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which service plans a supervisor must approve ({@code casework.cases.plan-approval-for-all}).
 * Red and orange cases always; the others only where the county wants it. A case whose risk is
 * still unknown is treated as needing approval.
 */
@ConfigurationProperties("casework.cases")
public record PlanApprovalPolicy(boolean planApprovalForAll) {

    public boolean requiresApproval(RiskLevel risk) {
        return planApprovalForAll || risk == null || risk.isHigh();
    }
}
