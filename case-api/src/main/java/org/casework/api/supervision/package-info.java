/** Supervision notes over HTTP: supervisors write, readers of the case read. */
package org.casework.api.supervision;
