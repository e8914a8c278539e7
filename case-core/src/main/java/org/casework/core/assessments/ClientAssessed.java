package org.casework.core.assessments;

import java.util.UUID;

/**
 * An assessment outside a case was signed, inside the transaction: its proposal bears on the
 * client's level (the visit schedule follows). Assessments within a case propose on the case.
 */
public record ClientAssessed(UUID clientId) {}
