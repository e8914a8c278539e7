package org.casework.core.assessments;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.casework.core.risk.ElderlyRiskPolicy;

/** The scoring methods instrument files may name. */
public final class ScoringPolicies {

    private final Map<String, ScoringPolicy> byMethod = new LinkedHashMap<>();

    public ScoringPolicies(List<ScoringPolicy> policies) {
        for (ScoringPolicy policy : policies) {
            if (byMethod.put(policy.method(), policy) != null) {
                throw new IllegalArgumentException("two scoring policies are called " + policy.method());
            }
        }
    }

    /** The policies of this release, with product.md's defaults. */
    public static ScoringPolicies standard() {
        return standard(ChildRiskSettings.defaults(), ElderlyRiskPolicy.defaults());
    }

    /** The policies of this release, with the county's child and elderly risk settings. */
    public static ScoringPolicies standard(ChildRiskSettings childRisk, ElderlyRiskPolicy elderlyRisk) {
        return new ScoringPolicies(List.of(
                new Gbt42195AbilityPolicy(elderlyRisk),
                new TekunSelfCarePolicy(),
                new ChildRiskPolicy(childRisk),
                new NoScoringPolicy()));
    }

    public Optional<ScoringPolicy> find(String method) {
        return Optional.ofNullable(byMethod.get(method));
    }

    public Set<String> methods() {
        return Collections.unmodifiableSet(byMethod.keySet());
    }
}
