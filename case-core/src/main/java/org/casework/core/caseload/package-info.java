/**
 * Supervisors' caseload view (个案负荷): per worker of the jurisdiction, open cases by state and by
 * risk, overdue visits of their clients and cases waiting for approval. Computed with GROUP BY
 * queries; no case is loaded into memory.
 */
package org.casework.core.caseload;
