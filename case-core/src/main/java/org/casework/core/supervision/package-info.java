/** Supervision notes (督导记录): supervisors' append-only comments on a case. */
package org.casework.core.supervision;
