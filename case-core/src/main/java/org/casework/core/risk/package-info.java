/**
 * The risk rules of product.md that do not belong to one instrument: which level the registry
 * proposes for a person ({@link org.casework.core.risk.RegistryRiskPolicy}) and the elderly
 * triggers ({@link org.casework.core.risk.ElderlyRiskPolicy}). Pure policies fed by facts, so the
 * visit rules and the assessments use the same rules and each can be tested alone.
 */
package org.casework.core.risk;
