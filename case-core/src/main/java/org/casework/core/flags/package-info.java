/**
 * Flags (风险上报): a field user's report that a minor may be at risk, the station's triage of it,
 * the mandatory report to the police (强制报告) and escalation when either waits too long. A sent
 * flag is never edited or deleted; additions are notes.
 */
package org.casework.core.flags;
