package org.casework.core.cases;

import java.util.UUID;
import org.casework.core.shared.RiskLevel;

/**
 * What the case list asks for; every part but {@code openOnly} is optional.
 *
 * @param text part of the case number, the client's name in Chinese characters, the start of its
 *     full pinyin or its initials
 * @param openOnly only open cases (ignored when a state is given)
 * @param state only cases in this state
 * @param risk only cases at this level (the level that counts)
 * @param workerId only this worker's caseload
 * @param village only cases of this region (a village or a township) inside the caller's jurisdiction
 */
public record CaseSearch(
        String text, boolean openOnly, CaseState state, RiskLevel risk, UUID workerId, String village) {

    public static CaseSearch open() {
        return new CaseSearch(null, true, null, null, null, null);
    }
}
