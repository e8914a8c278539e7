package org.casework.web.ledgers;

import lombok.RequiredArgsConstructor;
import org.casework.core.security.CurrentActor;
import org.casework.core.security.Permission;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells the navigation whether to show 台账 (kept apart from the session's user view). */
@ControllerAdvice(basePackages = "org.casework.web")
@RequiredArgsConstructor
class LedgerNavAdvice {

    private final CurrentActor currentActor;

    @ModelAttribute("canExportLedgers")
    boolean canExportLedgers() {
        return currentActor.find().map(a -> a.has(Permission.EXPORT_LEDGERS)).orElse(false);
    }
}
